namespace Mt4RiskBridge.Reports;

/// <summary>The balance after an event (balance row or trade close).</summary>
public sealed record BalancePoint(DateTime Time, decimal Balance);
