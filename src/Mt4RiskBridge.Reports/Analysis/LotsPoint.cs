namespace Mt4RiskBridge.Reports;

/// <summary>One trade's size, for the lots chart; losers are marked.</summary>
public sealed record LotsPoint(DateTime OpenTime, decimal Lots, bool Loser);
