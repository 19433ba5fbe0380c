using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The leverage cap a regulatory preset puts on a symbol. ESMA: 30 for pairs of major currencies; 20 for other
/// pairs, gold and indices; 10 for other commodities; 5 for stocks; 2 for crypto. ASIC: the same with AUD a
/// major currency. NFA: 50 for pairs of major currencies, 20 for everything else. FSA Japan: 25.
/// </summary>
public static class RegulatoryCaps
{
    private static readonly ImmutableHashSet<string> EsmaMajors =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "USD", "EUR", "JPY", "GBP", "CAD", "CHF");

    private static readonly ImmutableHashSet<string> AsicMajors = EsmaMajors.Add("AUD");

    private static readonly ImmutableHashSet<string> NfaMajors =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "USD", "EUR", "JPY", "GBP", "CAD", "CHF", "AUD", "NZD", "SEK", "NOK", "DKK");

    public static Leverage For(RegulatoryPreset preset, SymbolSpec spec) => preset switch
    {
        RegulatoryPreset.None => Leverage.Unlimited,
        RegulatoryPreset.Esma => EuropeanStyle(spec, EsmaMajors),
        RegulatoryPreset.Asic => EuropeanStyle(spec, AsicMajors),
        RegulatoryPreset.Nfa => IsMajorPair(spec, NfaMajors) ? Leverage.Of(50) : Leverage.Of(20),
        RegulatoryPreset.FsaJapan => Leverage.Of(25),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    private static Leverage EuropeanStyle(SymbolSpec spec, ImmutableHashSet<string> majors) => spec.Class switch
    {
        InstrumentClass.ForexMajor or InstrumentClass.ForexMinor or InstrumentClass.ForexExotic =>
            IsMajorPair(spec, majors) ? Leverage.Of(30) : Leverage.Of(20),
        InstrumentClass.Metal => IsGold(spec) ? Leverage.Of(20) : Leverage.Of(10),
        InstrumentClass.Index => Leverage.Of(20),
        InstrumentClass.Energy => Leverage.Of(10),
        InstrumentClass.Stock => Leverage.Of(5),
        InstrumentClass.Crypto => Leverage.Of(2),
        _ => Leverage.Of(2),
    };

    private static bool IsMajorPair(SymbolSpec spec, ImmutableHashSet<string> majors) =>
        spec.MarginCalcMode == MarginCalcMode.Forex && majors.Contains(spec.BaseCurrency) && majors.Contains(spec.ProfitCurrency);

    private static bool IsGold(SymbolSpec spec) =>
        string.Equals(spec.BaseCurrency, "XAU", StringComparison.OrdinalIgnoreCase)
        || spec.Name.StartsWith("XAU", StringComparison.OrdinalIgnoreCase)
        || spec.Name.StartsWith("GOLD", StringComparison.OrdinalIgnoreCase);
}
