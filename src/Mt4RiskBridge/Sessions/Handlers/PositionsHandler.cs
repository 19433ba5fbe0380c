using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A <c>positions</c>: see <see cref="AccountUpdater.Positions"/>.</summary>
public sealed class PositionsHandler(AccountUpdater accounts) : StateMessageHandler<PositionsMessage>
{
    public override string Type => WireMessageType.Positions;

    protected override void Apply(AccountSlot slot, PositionsMessage message, DateTimeOffset now) => accounts.Positions(slot, message, now);
}
