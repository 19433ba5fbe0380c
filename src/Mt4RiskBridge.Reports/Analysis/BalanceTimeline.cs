namespace Mt4RiskBridge.Reports;

/// <summary>balanceAt(t): balance rows at or before t plus the net P&amp;L of trades closed at or before t.</summary>
internal sealed class BalanceTimeline
{
    private readonly long[] _ticks;
    private readonly decimal[] _after;

    public BalanceTimeline(IEnumerable<BalanceEntry> rows, IEnumerable<ClosedTrade> trades)
    {
        var events = rows.Select(r => (r.Time.Ticks, r.Amount))
            .Concat(trades.Select(t => (t.CloseTime.Ticks, t.NetProfit)))
            .OrderBy(e => e.Item1)
            .ToArray();
        _ticks = new long[events.Length];
        _after = new decimal[events.Length];
        var sum = 0m;
        for (var i = 0; i < events.Length; i++)
        {
            sum += events[i].Item2;
            _ticks[i] = events[i].Item1;
            _after[i] = sum;
        }
    }

    public decimal At(DateTime time)
    {
        // The last event at or before the time: upper bound of the ticks.
        int lo = 0, hi = _ticks.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ticks[mid] <= time.Ticks) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? 0m : _after[lo - 1];
    }

    public IReadOnlyList<BalancePoint> Curve()
    {
        var points = new List<BalancePoint>(_ticks.Length);
        for (var i = 0; i < _ticks.Length; i++)
        {
            // Several events in one second show as the balance after the last of them.
            if (i + 1 < _ticks.Length && _ticks[i + 1] == _ticks[i]) continue;
            points.Add(new BalancePoint(new DateTime(_ticks[i], DateTimeKind.Unspecified), _after[i]));
        }
        return points;
    }
}
