using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// The reply to a <c>check</c>. <see cref="MarginLevelAfter"/> is percent rounded to 2 places, null when no margin
/// would be in use (an infinite level).
/// </summary>
public sealed record DecisionMessage(
    Verdict Verdict,
    decimal Lots,
    decimal RequestedLots,
    EquatableArray<Reason> Reasons,
    decimal? MarginLevelAfter,
    Leverage Leverage,
    LeverageTier Tier) : ServiceMessage
{
    public override string Type => WireMessageType.Decision;

    /// <summary>The wire form of a core decision, answering the check with <paramref name="id"/>.</summary>
    public static DecisionMessage From(string id, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionMessage(
            decision.Verdict,
            decision.Lots,
            decision.RequestedLots,
            decision.Reasons,
            RoundMarginLevel(decision.MarginLevelAfter),
            RoundLeverage(decision.Leverage),
            decision.Tier)
        { Id = id };
    }

    /// <summary>
    /// A leverage as the wire carries it: 2 decimal places, rounded toward less leverage. A broker figure can imply
    /// a ratio such as 499.909…; the client needs the number, not the noise.
    /// </summary>
    public static Leverage RoundLeverage(Leverage leverage) =>
        leverage.IsUnlimited ? leverage : Leverage.Of(Math.Max(0.01m, Math.Round(leverage.Ratio, 2, MidpointRounding.ToZero)));

    /// <summary>A margin level as the wire carries it: null when infinite, else percent rounded half away from zero to 2 places.</summary>
    public static decimal? RoundMarginLevel(MarginLevel level) =>
        level.IsInfinite ? null : Math.Round(level.Percent, 2, MidpointRounding.AwayFromZero);
}
