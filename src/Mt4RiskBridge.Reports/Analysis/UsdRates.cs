namespace Mt4RiskBridge.Reports;

/// <summary>
/// USD per unit of a currency, taken from the history's own trades in CCYUSD or USDCCY (open and close
/// prices); a look-up takes the price nearest in time, at any distance. No outside rates are used.
/// </summary>
public sealed class UsdRates
{
    private readonly Dictionary<string, (long[] Ticks, decimal[] UsdPerUnit)> _series;

    private UsdRates(Dictionary<string, (long[], decimal[])> series) => _series = series;

    public static UsdRates From(IEnumerable<(ClosedTrade Trade, Instrument Instrument)> trades)
    {
        var points = new Dictionary<string, List<(long Ticks, decimal Rate)>>(StringComparer.Ordinal);
        void Add(string currency, DateTime time, decimal rate)
        {
            if (rate <= 0m) return;
            if (!points.TryGetValue(currency, out var list)) points[currency] = list = [];
            list.Add((time.Ticks, rate));
        }
        foreach (var (trade, instrument) in trades)
        {
            if (instrument.Kind == InstrumentKind.FromContractFile) continue;
            if (instrument.Quote == "USD" && instrument.Base != "USD")
            {
                Add(instrument.Base, trade.OpenTime, trade.OpenPrice);
                Add(instrument.Base, trade.CloseTime, trade.ClosePrice);
            }
            else if (instrument.Base == "USD" && instrument.Quote != "USD")
            {
                if (trade.OpenPrice > 0m) Add(instrument.Quote, trade.OpenTime, 1m / trade.OpenPrice);
                if (trade.ClosePrice > 0m) Add(instrument.Quote, trade.CloseTime, 1m / trade.ClosePrice);
            }
        }
        var series = points.ToDictionary(p => p.Key, p =>
        {
            var sorted = p.Value.OrderBy(x => x.Ticks).ToArray();
            return (sorted.Select(x => x.Ticks).ToArray(), sorted.Select(x => x.Rate).ToArray());
        }, StringComparer.Ordinal);
        return new UsdRates(series);
    }

    public bool Has(string currency) => currency == "USD" || _series.ContainsKey(currency);

    /// <summary>USD for one unit of <paramref name="currency"/> nearest to <paramref name="time"/>; null when the history has no such pair.</summary>
    public decimal? UsdPerUnit(string currency, DateTime time)
    {
        if (currency == "USD") return 1m;
        if (!_series.TryGetValue(currency, out var s)) return null;
        var index = Array.BinarySearch(s.Ticks, time.Ticks);
        if (index >= 0) return s.UsdPerUnit[index];
        var after = ~index;
        if (after == 0) return s.UsdPerUnit[0];
        if (after == s.Ticks.Length) return s.UsdPerUnit[^1];
        // Nearest in time; a tie goes to the earlier price.
        return time.Ticks - s.Ticks[after - 1] <= s.Ticks[after] - time.Ticks ? s.UsdPerUnit[after - 1] : s.UsdPerUnit[after];
    }
}
