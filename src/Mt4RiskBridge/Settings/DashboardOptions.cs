namespace Mt4RiskBridge.Settings;

/// <summary>
/// The <c>Dashboard</c> section: the service's own HTTP endpoint, through which the command line's <c>halt</c> and
/// <c>resume</c> reach a running service.
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public const string DefaultEndpoint = "http://127.0.0.1:5558";

    public bool Enabled { get; set; } = true;

    /// <summary>Where the dashboard and its admin API listen.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Bearer token the admin API requires when set; never logged.</summary>
    public string? OperatorToken { get; set; }

    /// <summary>Certificate for HTTPS, required on a non-loopback endpoint.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
