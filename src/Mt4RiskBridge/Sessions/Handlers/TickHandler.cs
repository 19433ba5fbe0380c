using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A <c>tick</c>: see <see cref="AccountUpdater.Tick"/>.</summary>
public sealed class TickHandler : StateMessageHandler<TickMessage>
{
    public override string Type => WireMessageType.Tick;

    protected override void Apply(AccountSlot slot, TickMessage message, DateTimeOffset now) => AccountUpdater.Tick(slot, message, now);
}
