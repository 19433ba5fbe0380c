namespace Mt4RiskBridge.Reports;

/// <summary>The balance after an event (balance row or trade close).</summary>
public sealed record BalancePoint(DateTime Time, decimal Balance);

/// <summary>
/// The state just after a trade opened: effective leverage and the margin level it would have had at 1:25,
/// 1:500 and under the tier table (null when no margin is used).
/// </summary>
public sealed record OpenPoint(DateTime Time, decimal EffectiveLeverage, decimal? MarginLevel25, decimal? MarginLevel500, decimal? MarginLevelTiers);

/// <summary>One trade's size, for the lots chart; losers are marked.</summary>
public sealed record LotsPoint(DateTime OpenTime, decimal Lots, bool Loser);
