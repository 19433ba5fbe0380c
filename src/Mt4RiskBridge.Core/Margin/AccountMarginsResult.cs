using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// An account's positions priced at the tier in force and the next one up, and its effective leverage (net
/// notional ÷ equity; null without positive equity or when a held symbol cannot be priced). Tiers are placed in the
/// tier currency (<see cref="TierPlacement"/>); <paramref name="NextTierEquity"/> is the next boundary in the account
/// currency.
/// </summary>
public sealed record AccountMarginsResult(
    LeverageTier CurrentTier,
    LeverageTier? NextTier,
    decimal? NextTierEquity,
    ImmutableArray<PositionMargin> Positions,
    decimal? EffectiveLeverage);
