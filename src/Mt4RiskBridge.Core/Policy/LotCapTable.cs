using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Global lot caps with per-symbol and per-class overrides. Per-order and per-symbol caps resolve symbol, then
/// class, then global. Total-lot and position-count caps count within their own scope: the global ones over the
/// account, a class's over that class's symbols, a symbol's over that symbol; every scope that applies must hold.
/// </summary>
public sealed record LotCapTable(
    LotCaps Global,
    ImmutableDictionary<string, LotCaps> Symbols,
    ImmutableDictionary<InstrumentClass, LotCaps> Classes)
{
    public static LotCapTable Off { get; } = new(
        LotCaps.Off,
        ImmutableDictionary<string, LotCaps>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase),
        ImmutableDictionary<InstrumentClass, LotCaps>.Empty);

    public LotCaps? ForSymbol(string symbol) => Symbols.GetValueOrDefault(symbol);

    public LotCaps? ForClass(InstrumentClass instrumentClass) => Classes.GetValueOrDefault(instrumentClass);

    /// <summary>The caps in force for an order on a symbol, override by override.</summary>
    public LotCaps Resolve(string symbol, InstrumentClass instrumentClass)
    {
        var caps = Global;
        if (ForClass(instrumentClass) is { } byClass) caps = byClass.Over(caps);
        if (ForSymbol(symbol) is { } bySymbol) caps = bySymbol.Over(caps);
        return caps;
    }
}
