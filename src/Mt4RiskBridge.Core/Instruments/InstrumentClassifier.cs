using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Assigns an instrument class to a symbol: configured patterns first, in order; then the currencies of a
/// forex-mode symbol; anything else is treated as a stock, the most tightly capped class by default.
/// </summary>
public sealed class InstrumentClassifier
{
    private static readonly ImmutableHashSet<string> MajorCurrencies =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "NZD");

    private static readonly ImmutableHashSet<string> MetalCodes =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "XAU", "XAG", "XPT", "XPD");

    private readonly ImmutableArray<(SymbolPattern Pattern, InstrumentClass Class)> _patterns;

    public InstrumentClassifier(IEnumerable<(SymbolPattern Pattern, InstrumentClass Class)> patterns) =>
        _patterns = patterns.ToImmutableArray();

    /// <summary>Patterns for the common names of metals, energies, indices and crypto at retail brokers.</summary>
    public static InstrumentClassifier Default { get; } = new(DefaultPatterns());

    public static IEnumerable<(SymbolPattern Pattern, InstrumentClass Class)> DefaultPatterns()
    {
        foreach (var glob in new[] { "XAU*", "XAG*", "XPT*", "XPD*", "GOLD*", "SILVER*" })
            yield return (new SymbolPattern(glob), InstrumentClass.Metal);
        foreach (var glob in new[] { "XTI*", "XBR*", "XNG*", "USOIL*", "UKOIL*", "*OIL*", "NGAS*", "BRENT*", "WTI*" })
            yield return (new SymbolPattern(glob), InstrumentClass.Energy);
        foreach (var glob in new[] { "US30*", "US500*", "USTEC*", "US100*", "NAS100*", "SPX*", "DE30*", "DE40*", "GER*", "UK100*", "JP225*", "STOXX50*", "FR40*", "AUS200*", "HK50*" })
            yield return (new SymbolPattern(glob), InstrumentClass.Index);
        foreach (var glob in new[] { "BTC*", "ETH*", "LTC*", "XRP*", "BCH*", "SOL*", "ADA*", "DOGE*" })
            yield return (new SymbolPattern(glob), InstrumentClass.Crypto);
    }

    public InstrumentClass Classify(string symbol, MarginCalcMode mode, string baseCurrency, string profitCurrency)
    {
        foreach (var (pattern, instrumentClass) in _patterns)
        {
            if (pattern.Matches(symbol)) return instrumentClass;
        }
        if (MetalCodes.Contains(baseCurrency)) return InstrumentClass.Metal;
        if (mode == MarginCalcMode.Forex && baseCurrency.Length == 3 && profitCurrency.Length == 3)
        {
            var baseMajor = MajorCurrencies.Contains(baseCurrency);
            var profitMajor = MajorCurrencies.Contains(profitCurrency);
            var baseUsd = string.Equals(baseCurrency, "USD", StringComparison.OrdinalIgnoreCase);
            var profitUsd = string.Equals(profitCurrency, "USD", StringComparison.OrdinalIgnoreCase);
            if ((baseUsd && profitMajor) || (profitUsd && baseMajor)) return InstrumentClass.ForexMajor;
            if (baseMajor && profitMajor) return InstrumentClass.ForexMinor;
            return InstrumentClass.ForexExotic;
        }
        return mode == MarginCalcMode.CfdIndex ? InstrumentClass.Index : InstrumentClass.Stock;
    }
}
