using System.Security.Cryptography;
using System.Text;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Security;

/// <summary>
/// How hello tokens are kept and compared: only their SHA-256 digests are held, and digests are compared in
/// constant time, so neither the content nor the length of a token leaks through timing.
/// </summary>
public static class TokenRules
{
    public const int DigestLength = 32;

    /// <summary>True when any token is set; with none, hello is not authenticated (allowed on loopback only).</summary>
    public static bool AnyConfigured(BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrEmpty(options.Token) || options.Accounts.Values.Any(a => !string.IsNullOrEmpty(a.Token));
    }

    public static byte[] Digest(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Whether <paramref name="presented"/> is the token whose digest is <paramref name="expectedDigest"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> expectedDigest, string? presented)
    {
        // A missing token still costs one digest and one comparison, like a wrong one.
        Span<byte> digest = stackalloc byte[DigestLength];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""), digest);
        return CryptographicOperations.FixedTimeEquals(digest, expectedDigest) && presented is not null;
    }
}
