namespace Mt4RiskBridge.Protocol;

/// <summary>The reply to a <c>hello</c>: the session the connection joined and how often to send heartbeats, in milliseconds.</summary>
public sealed record WelcomeMessage(string Session, int HeartbeatMs) : ServiceMessage
{
    /// <summary>The protocol version the service speaks.</summary>
    public int Protocol { get; init; } = WireProtocol.Version;

    public override string Type => WireMessageType.Welcome;
}
