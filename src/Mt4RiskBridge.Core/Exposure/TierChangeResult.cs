using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Equity moved into another leverage tier: the tiers before and after, the boundary crossed, and the used
/// margin and margin level once open positions are charged at the new tier's leverage. Symbols that could not be
/// re-priced (no quote or conversion) keep the broker's margin and are listed in <see cref="Unpriced"/>.
/// </summary>
public sealed record TierChangeResult(
    decimal PreviousEquity,
    decimal Equity,
    LeverageTier OldTier,
    LeverageTier NewTier,
    decimal Boundary,
    decimal MarginAtNewLeverage,
    MarginLevel MarginLevelAtNewLeverage,
    ImmutableArray<string> Unpriced,
    Alert Alert)
{
    public Leverage OldLeverage => OldTier.Leverage;
    public Leverage NewLeverage => NewTier.Leverage;
}
