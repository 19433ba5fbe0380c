namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>The fields of one audit line a drill compares with what the terminal received and sent.</summary>
public readonly record struct AuditRecord(long Login, string Id, string Verdict, decimal Lots, decimal Equity);
