using System.Diagnostics.CodeAnalysis;
using Mt4RiskBridge.Settings;
using NetMQ;

namespace Mt4RiskBridge.Security;

/// <summary>
/// Reads the server's CURVE key pair from the files <c>Bridge:Curve</c> names. A key file holds one Z85 key of
/// 40 characters and nothing else but surrounding white space (no comments: <c>#</c> is a Z85 digit), the form libzmq's
/// <c>zmq_curve_keypair</c> and mql-zmq produce.
/// </summary>
public static class CurveKeys
{
    public const int Z85KeyLength = 40;

    /// <summary>Loads and cross-checks the pair; <paramref name="errors"/> gets one line per problem, naming the key.</summary>
    public static bool TryLoad(CurveOptions options, string baseDirectory, [NotNullWhen(true)] out NetMQCertificate? certificate, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        certificate = null;
        var before = errors.Count;
        var publicKey = ReadKey("Bridge:Curve:PublicKeyFile", options.PublicKeyFile, baseDirectory, errors);
        var secretKey = ReadKey("Bridge:Curve:SecretKeyFile", options.SecretKeyFile, baseDirectory, errors);
        if (errors.Count > before || publicKey is null || secretKey is null) return false;

        var derived = NetMQCertificate.CreateFromSecretKey(secretKey);
        if (!string.Equals(derived.PublicKeyZ85, publicKey, StringComparison.Ordinal))
        {
            errors.Add("Bridge:Curve:PublicKeyFile does not hold the public key of Bridge:Curve:SecretKeyFile; use the two files one keygen run wrote");
            return false;
        }
        certificate = derived;
        return true;
    }

    /// <summary>True when <paramref name="text"/> is a 40-character Z85 key.</summary>
    public static bool IsZ85Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != Z85KeyLength) return false;
        foreach (var c in text)
        {
            if (!Z85Alphabet.Contains(c, StringComparison.Ordinal)) return false;
        }
        try
        {
            return NetMQCertificate.FromPublicKey(text).PublicKey.Length == 32;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The 85 characters of ZeroMQ's Z85 encoding (RFC 32).</summary>
    private const string Z85Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    private static string? ReadKey(string key, string? file, string baseDirectory, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            errors.Add($"{key} is required when CURVE is configured (write a pair with: Mt4RiskBridge keygen <folder>)");
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{key} \"{path}\" cannot be read: {ex.Message}");
            return null;
        }
        var z85 = text.Trim();
        if (!IsZ85Key(z85))
        {
            // Never echo the content: this may be the secret key.
            errors.Add($"{key} \"{path}\" must hold one Z85 key of {Z85KeyLength} characters");
            return null;
        }
        return z85;
    }
}
