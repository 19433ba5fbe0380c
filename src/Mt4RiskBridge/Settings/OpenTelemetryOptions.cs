namespace Mt4RiskBridge.Settings;

/// <summary>The <c>OpenTelemetry</c> section: where metrics are also pushed over OTLP, besides <c>/metrics</c>.</summary>
public sealed class OpenTelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>OTLP collector address (<c>http://collector:4317</c>); unset means Prometheus scraping only.</summary>
    public string? Endpoint { get; set; }
}
