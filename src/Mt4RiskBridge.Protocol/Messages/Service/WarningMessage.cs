namespace Mt4RiskBridge.Protocol;

/// <summary>An unasked alert about an account, pushed to DEALER connections only; <see cref="Details"/> are the numbers behind it.</summary>
public sealed record WarningMessage(
    string Code,
    WarningSeverity Severity,
    string Message,
    EquatableArray<WarningDetail> Details = default) : ServiceMessage
{
    public override string Type => WireMessageType.Warning;
}
