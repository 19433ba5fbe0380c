using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The answer to an order: the verdict, the lots to send (a multiple of the lot step, never above the request),
/// every rule that bound, the projected margin level at those lots, and the leverage and tier it was judged at.
/// </summary>
public sealed record Decision(
    Verdict Verdict,
    decimal Lots,
    decimal RequestedLots,
    ImmutableArray<Reason> Reasons,
    MarginLevel MarginLevelAfter,
    Leverage Leverage,
    LeverageTier Tier);
