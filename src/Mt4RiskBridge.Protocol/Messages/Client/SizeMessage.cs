namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Asks for the largest lots of a market order whose loss at <see cref="StopLoss"/> is at most
/// <see cref="RiskPercent"/> of equity and which every rule allows. <see cref="Snapshot"/> is as in a check.
/// </summary>
public sealed record SizeMessage(
    string Symbol,
    WireSide Side,
    decimal StopLoss,
    decimal RiskPercent,
    CheckSnapshot? Snapshot = null) : ClientMessage
{
    public override string Type => WireMessageType.Size;
}
