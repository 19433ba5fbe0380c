
namespace Mt4RiskBridge.Protocol;

/// <summary>
/// The first message on a connection: which account it speaks for and the account's fixed settings.
/// Levels are percent or money per <see cref="StopOutMode"/>; <see cref="Token"/> is reserved for authentication.
/// </summary>
public sealed record HelloMessage(
    long Account,
    string Server,
    string Currency,
    WireLeverage Leverage,
    decimal MarginCallLevel,
    decimal StopOutLevel,
    WireStopOutMode StopOutMode,
    string Company = "",
    string Client = "",
    string? Token = null) : ClientMessage
{
    public override string Type => WireMessageType.Hello;
}
