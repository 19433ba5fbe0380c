using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A <c>ticks</c>: see <see cref="AccountUpdater.Ticks"/>.</summary>
public sealed class TicksHandler : StateMessageHandler<TicksMessage>
{
    public override string Type => WireMessageType.Ticks;

    protected override void Apply(AccountSlot slot, TicksMessage message, DateTimeOffset now) => AccountUpdater.Ticks(slot, message, now);
}
