namespace Mt4RiskBridge.Core;

/// <summary>
/// One open position's margin in the account currency at the tier in force and at the next tier up (null at the
/// top tier, or when the symbol cannot be priced; then <see cref="Unpriced"/> says why).
/// </summary>
public sealed record PositionMargin(Position Position, decimal? AtCurrentTier, decimal? AtNextTier, string? Unpriced);
