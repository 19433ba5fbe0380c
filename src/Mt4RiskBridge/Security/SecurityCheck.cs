using System.Globalization;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Transport;
using NetMQ;

namespace Mt4RiskBridge.Security;

/// <summary>
/// The rules that keep the bridge from being reachable unprotected: loopback unless CURVE is on, client tokens
/// whenever the endpoint is not loopback, and well-formed token and key settings. Messages never contain a token
/// or a key.
/// </summary>
public static class SecurityCheck
{
    /// <summary>Every problem, one line each; <paramref name="certificate"/> is the server key pair when CURVE is configured and valid.</summary>
    public static IReadOnlyList<string> Validate(BridgeOptions options, string baseDirectory, out NetMQCertificate? certificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        certificate = null;
        if (options.Curve.IsConfigured && CurveKeys.TryLoad(options.Curve, baseDirectory, out var loaded, errors)) certificate = loaded;

        foreach (var (login, account) in options.Accounts)
        {
            if (!long.TryParse(login, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
                errors.Add($"Bridge:Accounts:{login} must be named by an account login number (a positive integer)");
            else if (string.IsNullOrWhiteSpace(account.Token))
                errors.Add($"Bridge:Accounts:{login}:Token must not be empty");
        }

        // A malformed endpoint is reported by the endpoint's own rule; nothing more to say about it here.
        if (!EndpointAddress.TryParse(options.Endpoint, out var address) || address!.IsLoopback) return errors;
        if (!options.Curve.IsConfigured)
        {
            errors.Add($"Bridge:Endpoint {options.Endpoint} is not a loopback address, so it needs CURVE encryption: " +
                "set Bridge:Curve:PublicKeyFile and Bridge:Curve:SecretKeyFile (write a pair with: Mt4RiskBridge keygen <folder>)");
        }
        if (!TokenRules.AnyConfigured(options))
        {
            errors.Add($"Bridge:Endpoint {options.Endpoint} is not a loopback address, so terminals must authenticate: " +
                "set Bridge:Token or Bridge:Accounts:<login>:Token");
        }
        return errors;
    }
}
