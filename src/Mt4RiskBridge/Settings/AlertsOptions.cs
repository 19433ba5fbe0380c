namespace Mt4RiskBridge.Settings;

/// <summary><c>Alerts</c>: margin-call proximity.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    public decimal? MarginLevelWarnPercent { get; set; }
    public int? RepeatMinutes { get; set; }
}
