using System.Net;

namespace Mt4RiskBridge.Web;

/// <summary>A parsed <c>Dashboard:Endpoint</c>: <c>http(s)://host:port</c>.</summary>
public sealed record DashboardAddress(Uri Uri)
{
    public static bool TryParse(string? text, out DashboardAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query)) return false;
        address = new DashboardAddress(uri);
        return true;
    }

    public bool IsHttps => Uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>
    /// Host names requests may carry: the loopback names on a loopback endpoint, the configured name on a named
    /// one, any on a wildcard address (where HTTPS and the operator token protect it).
    /// </summary>
    public IList<string> AllowedHosts()
    {
        if (IsLoopback) return ["localhost", "127.0.0.1", "[::1]"];
        return IPAddress.TryParse(Uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) ? ["*"] : [Uri.Host];
    }

    /// <summary>Loopback names and addresses: the only ones served without HTTPS and an operator token.</summary>
    public bool IsLoopback =>
        string.Equals(Uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
