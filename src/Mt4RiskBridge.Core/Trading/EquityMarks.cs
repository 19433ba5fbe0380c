namespace Mt4RiskBridge.Core;

/// <summary>
/// What the host stores durably per account so the limits survive a restart: the server-time trading day, the
/// equity it started at, the peak equity seen, and whether the daily loss limit was reached that day.
/// </summary>
public sealed record EquityMarks(DateOnly Day, decimal StartOfDayEquity, decimal PeakEquity, bool DailyLossReached = false);
