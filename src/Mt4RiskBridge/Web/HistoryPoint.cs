namespace Mt4RiskBridge.Web;

/// <summary>One sample of an account over the session: unix seconds, equity, margin level in percent (null: no margin in use).</summary>
public sealed record HistoryPoint(double T, decimal Equity, decimal? MarginLevel);
