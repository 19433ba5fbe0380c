using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Audit;

/// <summary>
/// One decision as the audit trail records it: the request, a summary of the state it was judged on, and the
/// answer. Everything here is immutable, so the socket thread can hand it over without copying. <see cref="Check"/>
/// is what the decision was made from (null when it could not be gathered), written as the line's facts.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    long Login,
    string? RequestId,
    OrderRequest Order,
    AccountState Account,
    bool FromSnapshot,
    TimeSpan StateAge,
    Decision Decision,
    TimeSpan Latency,
    OrderCheck? Check = null,
    string TierCurrency = "USD");
