namespace Mt4RiskBridge.Settings;

/// <summary>
/// <c>Bridge:Curve</c>: the server's CURVE key pair, one Z85 key (40 characters) per file, as <c>keygen</c> writes
/// them. Both set turns encryption on; a non-loopback endpoint requires it.
/// </summary>
public sealed class CurveOptions
{
    /// <summary>File holding the server's public key; clients configure this key as the server key.</summary>
    public string? PublicKeyFile { get; set; }

    /// <summary>File holding the server's secret key; keep it readable by the service only.</summary>
    public string? SecretKeyFile { get; set; }

    /// <summary>True when either file is named (both are then required).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(PublicKeyFile) || !string.IsNullOrWhiteSpace(SecretKeyFile);
}
