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

    /// <summary>Loopback names and addresses: the only ones served without HTTPS and an operator token.</summary>
    public bool IsLoopback =>
        string.Equals(Uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
