namespace Mt4RiskBridge.Reports;

/// <summary>
/// The state just after a trade opened: effective leverage and the margin level it would have had at 1:25,
/// 1:500 and under the tier table (null when no margin is used).
/// </summary>
public sealed record OpenPoint(DateTime Time, decimal EffectiveLeverage, decimal? MarginLevel25, decimal? MarginLevel500, decimal? MarginLevelTiers);
