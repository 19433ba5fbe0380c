using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol;

/// <summary>The account's money now, in the account currency; <see cref="Time"/> is broker server time (unix seconds), reported only.</summary>
public sealed record AccountMessage(
    decimal Balance,
    decimal Equity,
    decimal Margin,
    decimal FreeMargin,
    Leverage Leverage,
    long Time) : ClientMessage
{
    public override string Type => WireMessageType.Account;
}
