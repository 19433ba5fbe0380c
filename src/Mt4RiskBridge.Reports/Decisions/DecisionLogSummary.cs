namespace Mt4RiskBridge.Reports;

/// <summary>
/// The service's own decisions.jsonl counted per verdict and per reason code. Lines that are not audit
/// records (a torn last line, say) are counted in <see cref="UnreadableLines"/>, never dropped silently. Lines per
/// audit format are in <see cref="FormatVersions"/>; <see cref="WhatIf"/> is the replay, when one was asked for.
/// </summary>
public sealed record DecisionLogSummary(
    string File,
    int Decisions,
    DateTime? From,
    DateTime? To,
    IReadOnlyList<long> Logins,
    IReadOnlyDictionary<string, int> ByVerdict,
    IReadOnlyDictionary<string, int> ByReason,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ReasonsByVerdict,
    int UnreadableLines,
    IReadOnlyList<int> UnreadableLineNumbers,
    IReadOnlyDictionary<int, int> FormatVersions,
    WhatIfResult? WhatIf = null);
