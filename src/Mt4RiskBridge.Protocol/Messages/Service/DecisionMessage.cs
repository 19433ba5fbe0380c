namespace Mt4RiskBridge.Protocol;

/// <summary>
/// The reply to a <c>check</c>. <see cref="MarginLevelAfter"/> is percent rounded to 2 places, null when no margin
/// would be in use (an infinite level).
/// </summary>
public sealed record DecisionMessage(
    WireVerdict Verdict,
    decimal Lots,
    decimal RequestedLots,
    EquatableArray<WireReason> Reasons,
    decimal? MarginLevelAfter,
    WireLeverage Leverage,
    WireTier Tier) : ServiceMessage
{
    public override string Type => WireMessageType.Decision;
}
