namespace Mt4RiskBridge.Sessions;

/// <summary>
/// One peer of the ROUTER socket, known by the identity ZeroMQ gives it. Owned by the socket thread.
/// </summary>
public sealed class Connection(byte[] identity)
{
    public byte[] Identity { get; } = identity;

    /// <summary>The account its hello named; null until then.</summary>
    public long? Login { get; set; }

    /// <summary>The account's state, shared with the account's other connections; null until hello.</summary>
    public AccountSlot? Slot { get; set; }

    /// <summary>REQ peers put an empty delimiter frame before the message; DEALER peers do not, and only they get pushes.</summary>
    public bool UsesDelimiter { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public string? Client { get; set; }

    /// <summary>Authentication, connection-limit and message-rate state of this peer.</summary>
    public ConnectionGuard Guard { get; } = new();

    /// <summary>The transport's batch this peer last sent in, and what it sent in it: its share of the batch.</summary>
    internal long Batch;
    internal int BatchMessages;
    internal long BatchBytes;
}
