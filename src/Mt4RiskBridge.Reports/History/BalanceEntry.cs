namespace Mt4RiskBridge.Reports;

/// <summary>A balance row (deposit, withdrawal, financing, adjustment): a signed amount in the account currency.</summary>
public sealed record BalanceEntry(DateTime Time, decimal Amount, string Comment);
