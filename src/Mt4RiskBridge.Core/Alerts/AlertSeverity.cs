namespace Mt4RiskBridge.Core;

/// <summary>How urgently a warning should be shown on the chart.</summary>
public enum AlertSeverity
{
    Info,
    Warn,
    Critical,
}
