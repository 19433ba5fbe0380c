using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>A <c>symbol</c>: the contract is stored unless it is refused (see <see cref="AccountUpdater.Symbol"/>); acknowledged when it carries an id.</summary>
public sealed class SymbolHandler(AccountUpdater accounts) : AccountMessageHandler<SymbolMessage>
{
    public override string Type => WireMessageType.Symbol;

    protected override byte[]? Handle(AccountSlot slot, SymbolMessage message, DateTimeOffset now, long received, out bool refused)
    {
        var refusal = accounts.Symbol(slot, message);
        refused = refusal is not null;
        return refusal ?? Ack(message);
    }
}
