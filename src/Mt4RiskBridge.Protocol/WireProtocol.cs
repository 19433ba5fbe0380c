namespace Mt4RiskBridge.Protocol;

/// <summary>Constants of wire protocol v1 that both ends must agree on.</summary>
public static class WireProtocol
{
    /// <summary>The value of <c>"v"</c> in every message of this protocol.</summary>
    public const int Version = 1;

    /// <summary>The longest <c>"id"</c> accepted, in UTF-16 characters; the service echoes ids, so they stay small.</summary>
    public const int MaxIdLength = 64;
}
