namespace Mt4RiskBridge.Settings;

/// <summary><c>Alerts</c>: margin-call proximity.</summary>
public sealed class AlertsOptions
{
    public decimal? MarginLevelWarnPercent { get; set; }
    public int? RepeatMinutes { get; set; }
}
