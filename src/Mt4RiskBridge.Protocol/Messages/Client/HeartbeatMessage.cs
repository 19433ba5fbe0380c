namespace Mt4RiskBridge.Protocol;

/// <summary>Keeps the connection's session alive; carries no data.</summary>
public sealed record HeartbeatMessage : ClientMessage
{
    public override string Type => WireMessageType.Heartbeat;
}
