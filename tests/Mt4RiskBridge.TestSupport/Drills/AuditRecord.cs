namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// The fields of one audit line a drill compares with what the terminal received and sent; <see cref="Equity"/> is
/// null on a compact line (a check refused only for its rate, written without the account summary).
/// </summary>
public readonly record struct AuditRecord(long Login, string Id, string Verdict, decimal Lots, decimal? Equity);
