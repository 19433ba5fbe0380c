namespace Mt4RiskBridge.Settings;

/// <summary>The <c>Dashboard</c> section: the web dashboard, JSON API, metrics and health endpoints.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public const string DefaultEndpoint = "http://127.0.0.1:5558";

    /// <summary>Whether the service serves the dashboard at all; on by default, on loopback.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens; port 0 picks a free port (tests). A non-loopback host needs HTTPS and a token.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Bearer token for the API and the operator login; required when the endpoint is not loopback.</summary>
    public string? OperatorToken { get; set; }

    /// <summary>PKCS#12 (.pfx) certificate for HTTPS, relative to the binary or absolute.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>, when it has one.</summary>
    public string? CertificatePassword { get; set; }
}
