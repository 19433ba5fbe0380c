namespace Mt4RiskBridge.Reports;

/// <summary>
/// A decisions log judged again under <see cref="Profile"/>. <see cref="Reproduced"/> counts the replayed checks
/// whose decision under the base policy equals the recorded one, the test that the replay is faithful; lines
/// without facts (format 1, or a check refused for its rate alone, which no policy changes) are counted, not dropped.
/// </summary>
public sealed record WhatIfResult(
    string Profile,
    int Replayed,
    int Reproduced,
    IReadOnlyList<int> NotReproducedLines,
    int RateLimitedOnly,
    int NotReplayable,
    IReadOnlyList<int> NotReplayableLines,
    IReadOnlyList<WhatIfChange> Changed);
