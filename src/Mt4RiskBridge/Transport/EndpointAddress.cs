using System.Globalization;
using System.Net;

namespace Mt4RiskBridge.Transport;

/// <summary>A parsed <c>tcp://host:port</c> endpoint.</summary>
public sealed record EndpointAddress(string Host, int Port)
{
    public static bool TryParse(string? text, out EndpointAddress? address)
    {
        address = null;
        if (text is null || !text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = text["tcp://".Length..];
        var colon = rest.LastIndexOf(':');
        if (colon <= 0) return false;
        if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535) return false;
        address = new EndpointAddress(rest[..colon], port);
        return true;
    }

    /// <summary>Loopback names and addresses: the only ones allowed without encryption.</summary>
    public bool IsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public string HostUri => "tcp://" + Host;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"tcp://{Host}:{Port}");
}
