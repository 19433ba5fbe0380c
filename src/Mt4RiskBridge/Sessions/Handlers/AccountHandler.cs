using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>An <c>account</c>: see <see cref="AccountUpdater.Account"/>.</summary>
public sealed class AccountHandler(AccountUpdater accounts) : StateMessageHandler<AccountMessage>
{
    public override string Type => WireMessageType.Account;

    protected override void Apply(AccountSlot slot, AccountMessage message, DateTimeOffset now) => accounts.Account(slot, message, now);
}
