using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// A new position judged after the fact: every rule it breaks, the lots above what the rules allow, and (in
/// reduce mode) the close instruction for the EA. <see cref="Unchecked"/> says why it could not be judged
/// (unknown symbol, no quote, stale state); <see cref="Alert"/> is null when nothing is broken.
/// <see cref="Covered"/> is the service's own approval the position filled, when it was one: not judged again.
/// </summary>
public sealed record PostTradeResult(
    long Ticket,
    ImmutableArray<PostTradeViolation> Violations,
    decimal ExcessLots,
    CloseInstruction? Instruction,
    Reason? Unchecked,
    Alert? Alert,
    ApprovedOrder? Covered = null)
{
    public bool IsViolation => !Violations.IsEmpty;
}
