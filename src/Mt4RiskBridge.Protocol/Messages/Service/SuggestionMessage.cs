namespace Mt4RiskBridge.Protocol;

/// <summary>
/// The reply to a <c>size</c>: the suggested <see cref="Lots"/>, what the risk share alone allows
/// (<see cref="RiskLots"/>), the loss per lot at the stop and the money at risk, both in the account currency, and
/// every rule that bound.
/// </summary>
public sealed record SuggestionMessage(
    decimal Lots,
    decimal RiskLots,
    decimal LossPerLot,
    decimal RiskAmount,
    EquatableArray<WireReason> Reasons) : ServiceMessage
{
    public override string Type => WireMessageType.Suggestion;
}
