namespace Mt4RiskBridge.Web;

/// <summary>An open position with its margin at the tier in force and at the next tier up, both from the core's margin model.</summary>
public sealed record PositionRow(long Ticket, string Symbol, string Side, decimal Lots, decimal OpenPrice, decimal Profit,
    decimal? MarginAtCurrentTier, decimal? MarginAtNextTier, string? Unpriced);
