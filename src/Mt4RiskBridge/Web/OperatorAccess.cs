using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Web;

/// <summary>
/// Who may operate the service over HTTP when <c>Dashboard:OperatorToken</c> is set: a request with
/// <c>Authorization: Bearer &lt;token&gt;</c>, or a browser holding the session cookie the login page issues for
/// the token. Comparisons take constant time; the token is never logged or echoed.
/// </summary>
internal sealed class OperatorAccess
{
    public const string CookieName = "mt4rb-operator";

    private readonly byte[]? _token;
    private readonly byte[] _session = RandomNumberGenerator.GetBytes(32);

    public OperatorAccess(IOptions<DashboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var token = options.Value.OperatorToken;
        _token = string.IsNullOrWhiteSpace(token) ? null : Encoding.UTF8.GetBytes(token.Trim());
        SessionCookie = Convert.ToBase64String(_session);
    }

    /// <summary>Whether a token is configured; without one the service only listens on loopback.</summary>
    public bool TokenRequired => _token is not null;

    /// <summary>Value of the session cookie for this run of the service (a restart logs everyone out).</summary>
    public string SessionCookie { get; }

    public bool IsToken(string? candidate) =>
        _token is not null && candidate is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), _token);

    /// <summary>Bearer token as sent, or null when the request carries none.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : null;
    }

    public bool HasSession(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(SessionCookie));
}
