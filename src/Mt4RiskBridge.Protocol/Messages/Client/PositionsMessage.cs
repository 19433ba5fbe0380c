namespace Mt4RiskBridge.Protocol;

/// <summary>Every open position of the account: a full replacement of the stored list, never a delta.</summary>
public sealed record PositionsMessage(EquatableArray<WirePosition> Positions) : ClientMessage
{
    public override string Type => WireMessageType.Positions;
}
