using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Web;

namespace Mt4RiskBridge.Security;

/// <summary>
/// The rule the ZeroMQ side follows, for the web side: loopback unless HTTPS and an operator token are set.
/// Messages name settings, never their values.
/// </summary>
public static class DashboardSecurityCheck
{
    /// <summary>Shortest operator token accepted: long enough that guessing it over the network is hopeless.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Every problem, one line each; <paramref name="certificate"/> is the HTTPS certificate when one is configured and loads.</summary>
    public static IReadOnlyList<string> Validate(DashboardOptions options, OpenTelemetryOptions telemetry, string baseDirectory, out X509Certificate2? certificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        var errors = new List<string>();
        certificate = null;
        if (telemetry.Endpoint is { Length: > 0 } otlp
            && (!Uri.TryCreate(otlp, UriKind.Absolute, out var otlpUri) || (otlpUri.Scheme != Uri.UriSchemeHttp && otlpUri.Scheme != Uri.UriSchemeHttps)))
            errors.Add($"OpenTelemetry:Endpoint \"{otlp}\" is not an http:// or https:// address");
        if (!options.Enabled) return errors;

        if (!DashboardAddress.TryParse(options.Endpoint, out var address))
        {
            errors.Add($"Dashboard:Endpoint \"{options.Endpoint}\" must look like http://127.0.0.1:5558 (or https://host:port)");
            return errors;
        }
        if (options.OperatorToken is { } token && token.Trim().Length < MinTokenLength)
            errors.Add($"Dashboard:OperatorToken must be at least {MinTokenLength} characters");
        if (options.CertificatePath is { Length: > 0 } path) certificate = LoadCertificate(path, options.CertificatePassword, baseDirectory, errors);
        if (address!.IsHttps && string.IsNullOrWhiteSpace(options.CertificatePath))
            errors.Add($"Dashboard:Endpoint {options.Endpoint} is https, so it needs Dashboard:CertificatePath (a .pfx file)");
        if (address.IsLoopback) return errors;

        if (!address.IsHttps)
            errors.Add($"Dashboard:Endpoint {options.Endpoint} is not a loopback address, so it must be https:// with Dashboard:CertificatePath set");
        if (string.IsNullOrWhiteSpace(options.OperatorToken))
            errors.Add($"Dashboard:Endpoint {options.Endpoint} is not a loopback address, so it needs Dashboard:OperatorToken for the dashboard, API and metrics");
        return errors;
    }

    private static X509Certificate2? LoadCertificate(string path, string? password, string baseDirectory, List<string> errors)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path);
        if (!File.Exists(full))
        {
            errors.Add($"Dashboard:CertificatePath {full} does not exist");
            return null;
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
            if (certificate.HasPrivateKey) return certificate;
            certificate.Dispose();
            errors.Add($"Dashboard:CertificatePath {full} has no private key");
        }
        catch (CryptographicException)
        {
            errors.Add($"Dashboard:CertificatePath {full} is not a readable PKCS#12 file (or Dashboard:CertificatePassword is wrong)");
        }
        return null;
    }
}
