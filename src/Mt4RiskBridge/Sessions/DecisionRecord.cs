using System.Collections.Immutable;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Sessions;

/// <summary>One decision as the dashboard shows it: the order asked, the verdict given and every reason.</summary>
public sealed record DecisionRecord(
    long Seq,
    DateTimeOffset At,
    long Login,
    string Id,
    string Symbol,
    Side Side,
    decimal RequestedLots,
    Verdict Verdict,
    decimal Lots,
    ImmutableArray<Reason> Reasons,
    MarginLevel MarginLevelAfter,
    TimeSpan Latency) : ISequenced;
