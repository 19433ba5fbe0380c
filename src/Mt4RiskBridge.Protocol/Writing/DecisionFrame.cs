namespace Mt4RiskBridge.Protocol;

/// <summary>Everything a decision frame carries, with the reasons in the caller's shape; see <see cref="IDecisionReasons"/>.</summary>
public readonly record struct DecisionFrame<TReasons>(
    string? Id,
    WireVerdict Verdict,
    decimal Lots,
    decimal RequestedLots,
    TReasons Reasons,
    decimal? MarginLevelAfter,
    WireLeverage Leverage,
    WireTier Tier)
    where TReasons : IDecisionReasons;

/// <summary>The reasons of a <see cref="DecisionMessage"/>.</summary>
internal readonly struct MessageReasons(EquatableArray<WireReason> reasons) : IDecisionReasons
{
    public int Count => reasons.Count;

    public string Code(int index) => reasons[index].Code;

    public string Message(int index) => reasons[index].Message;

    public decimal MaxLots(int index) => reasons[index].MaxLots;
}
