namespace Mt4RiskBridge.Core;

/// <summary>
/// Lot and position limits. In the global set 0 switches a limit off; in a symbol or class override a null
/// inherits the broader value.
/// </summary>
public sealed record LotCaps(
    decimal? MaxLotsPerOrder = null,
    decimal? MaxLotsPerSymbol = null,
    decimal? MaxLotsTotal = null,
    int? MaxOpenPositions = null)
{
    public static LotCaps Off { get; } = new(0m, 0m, 0m, 0);

    /// <summary>This set's values where given, the fallback's elsewhere.</summary>
    public LotCaps Over(LotCaps fallback) => new(
        MaxLotsPerOrder ?? fallback.MaxLotsPerOrder,
        MaxLotsPerSymbol ?? fallback.MaxLotsPerSymbol,
        MaxLotsTotal ?? fallback.MaxLotsTotal,
        MaxOpenPositions ?? fallback.MaxOpenPositions);
}
