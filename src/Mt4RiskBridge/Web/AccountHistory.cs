namespace Mt4RiskBridge.Web;

/// <summary>
/// An account's samples over the session, oldest overwritten past the capacity; written by one thread, read by many.
/// Kept as 24-byte values in a ring that grows to the capacity as samples arrive: at one a second for two hours
/// this is what every terminal costs the dashboard (169 KiB, against 506 KiB as a list of records, whose
/// removal of the oldest also moved the whole list every second).
/// </summary>
public sealed class AccountHistory(int capacity)
{
    /// <summary>What the dashboard keeps per account: two hours at one sample a second.</summary>
    public const int TwoHours = 7200;

    private const int FirstSize = 16;

    private readonly Lock _gate = new();
    private Sample[] _ring = [];
    private int _oldest;
    private int _count;

    public void Add(HistoryPoint point)
    {
        var sample = Sample.Of(point);
        lock (_gate)
        {
            // The charts plot seconds: a second change within one second replaces the first.
            if (_count > 0 && Math.Floor(Newest.Milliseconds / 1000.0) == Math.Floor(point.T))
            {
                Newest = sample;
                return;
            }
            if (_count == _ring.Length && _count < capacity) Grow();
            if (_count < _ring.Length)
            {
                _ring[(_oldest + _count) % _ring.Length] = sample;
                _count++;
            }
            else
            {
                _ring[_oldest] = sample;
                _oldest = (_oldest + 1) % _ring.Length;
            }
        }
    }

    public IReadOnlyList<HistoryPoint> Points()
    {
        lock (_gate)
        {
            var points = new HistoryPoint[_count];
            for (var i = 0; i < _count; i++) points[i] = _ring[(_oldest + i) % _ring.Length].ToPoint();
            return points;
        }
    }

    private ref Sample Newest => ref _ring[(_oldest + _count - 1) % _ring.Length];

    private void Grow()
    {
        var grown = new Sample[Math.Min(capacity, Math.Max(FirstSize, _ring.Length * 2))];
        for (var i = 0; i < _count; i++) grown[i] = _ring[(_oldest + i) % _ring.Length];
        _ring = grown;
        _oldest = 0;
    }

    /// <summary>
    /// A sample as the charts need it: figures as doubles, which hold an equity to the cent below 10^13 and give a
    /// margin level 15 significant digits; NaN for no margin level.
    /// </summary>
    private readonly record struct Sample(long Milliseconds, double Equity, double MarginLevel)
    {
        public static Sample Of(HistoryPoint point) =>
            new((long)Math.Round(point.T * 1000), (double)point.Equity, point.MarginLevel is { } level ? (double)level : double.NaN);

        public HistoryPoint ToPoint() =>
            new(Milliseconds / 1000.0, (decimal)Equity, double.IsNaN(MarginLevel) ? null : (decimal)MarginLevel);
    }
}
