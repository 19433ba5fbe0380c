using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// One audit line as read back: the request and the recorded answer, and for a format-2 line with facts the
/// <see cref="Check"/> the decision was made from, so it can be judged again. <see cref="Check"/> is null for
/// format-1 lines and lines written without facts (a check refused for its rate alone).
/// </summary>
public sealed record AuditRecord(
    int LineNumber,
    int Version,
    DateTime At,
    long Login,
    string? Id,
    OrderRequest? Order,
    string Verdict,
    decimal Lots,
    IReadOnlyList<string> ReasonCodes,
    bool Compact,
    OrderCheck? Check);
