using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A <c>heartbeat</c>: nothing changes but the connection's last-seen time, set as it was read.</summary>
public sealed class HeartbeatHandler : StateMessageHandler<HeartbeatMessage>
{
    public override string Type => WireMessageType.Heartbeat;

    protected override void Apply(AccountSlot slot, HeartbeatMessage message, DateTimeOffset now)
    {
    }
}
