namespace Mt4RiskBridge.Protocol;

/// <summary>How urgent a <see cref="WarningMessage"/> is.</summary>
public enum WarningSeverity
{
    Info,
    Warn,
    Critical,
}
