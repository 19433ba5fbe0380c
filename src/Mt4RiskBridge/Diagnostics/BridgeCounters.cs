using System.Globalization;

namespace Mt4RiskBridge.Diagnostics;

/// <summary>
/// Counts every input the service refused for a protection reason since it started. Readable from any thread,
/// logged by <see cref="CounterLog"/> and published by <see cref="BridgeMetrics"/> as <c>mt4riskbridge_refusals_total</c>
/// (label <c>limit</c>).
/// </summary>
public sealed class BridgeCounters
{
    private long _notAuthenticated;
    private long _accountMismatch;
    private long _ignored;
    private long _rateLimited;
    private long _connectionsRefused;
    private long _symbolsRefused;
    private long _positionsRefused;
    private long _tooLarge;
    private long _badFraming;
    private long _unauthenticatedDropped;
    private long _tcpRefused;
    private long _handshakeTimedOut;
    private long _helloTimedOut;

    /// <summary>Hellos refused for a missing or wrong token.</summary>
    public long NotAuthenticated => Interlocked.Read(ref _notAuthenticated);

    /// <summary>Hellos naming another account than the connection's.</summary>
    public long AccountMismatch => Interlocked.Read(ref _accountMismatch);

    /// <summary>Messages dropped unread from connections that failed authentication.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>Messages over a connection's rate.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Hellos beyond <c>Bridge:MaxConnections</c>.</summary>
    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    /// <summary>Symbol or quote messages that would take an account past <c>Bridge:MaxSymbolsPerAccount</c>.</summary>
    public long SymbolsRefused => Interlocked.Read(ref _symbolsRefused);

    /// <summary>Position lists longer than <c>Bridge:MaxPositionsPerAccount</c>.</summary>
    public long PositionsRefused => Interlocked.Read(ref _positionsRefused);

    /// <summary>Frames over <c>Bridge:MaxMessageBytes</c>.</summary>
    public long TooLarge => Interlocked.Read(ref _tooLarge);

    /// <summary>Messages of more than one frame.</summary>
    public long BadFraming => Interlocked.Read(ref _badFraming);

    /// <summary>Messages from peers without hello beyond <c>Bridge:MaxUnauthenticatedMessagesPerSecond</c>, dropped unanswered.</summary>
    public long UnauthenticatedDropped => Interlocked.Read(ref _unauthenticatedDropped);

    /// <summary>TCP connections closed at once because the listener held its most (see <c>Transport.ListenerCap</c>).</summary>
    public long TcpRefused => Interlocked.Read(ref _tcpRefused);

    /// <summary>TCP connections closed because the peer had not completed the ZeroMQ handshake within <c>Bridge:HandshakeTimeoutSeconds</c>.</summary>
    public long HandshakeTimedOut => Interlocked.Read(ref _handshakeTimedOut);

    /// <summary>TCP connections closed because they were not kept for an accepted hello within <c>Bridge:HelloTimeoutSeconds</c>.</summary>
    public long HelloTimedOut => Interlocked.Read(ref _helloTimedOut);

    /// <summary>Every counter by its stable name, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Current =>
    [
        new("not_authenticated", NotAuthenticated),
        new("account_mismatch", AccountMismatch),
        new("ignored", Ignored),
        new("rate_limit", RateLimited),
        new("max_connections", ConnectionsRefused),
        new("max_symbols", SymbolsRefused),
        new("max_positions", PositionsRefused),
        new("too_large", TooLarge),
        new("multi_frame", BadFraming),
        new("unauthenticated_budget", UnauthenticatedDropped),
        new("tcp_connections", TcpRefused),
        new("handshake_timeout", HandshakeTimedOut),
        new("hello_timeout", HelloTimedOut),
    ];

    public long Total => Current.Sum(c => c.Value);

    internal void CountNotAuthenticated() => Interlocked.Increment(ref _notAuthenticated);
    internal void CountAccountMismatch() => Interlocked.Increment(ref _accountMismatch);
    internal void CountIgnored() => Interlocked.Increment(ref _ignored);
    internal void CountRateLimited() => Interlocked.Increment(ref _rateLimited);
    internal void CountConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);
    internal void CountSymbolsRefused() => Interlocked.Increment(ref _symbolsRefused);
    internal void CountPositionsRefused() => Interlocked.Increment(ref _positionsRefused);
    internal void CountTooLarge() => Interlocked.Increment(ref _tooLarge);
    internal void CountBadFraming() => Interlocked.Increment(ref _badFraming);
    internal void CountUnauthenticatedDropped() => Interlocked.Increment(ref _unauthenticatedDropped);
    internal void CountTcpRefused() => Interlocked.Increment(ref _tcpRefused);
    internal void CountHandshakeTimedOut() => Interlocked.Increment(ref _handshakeTimedOut);
    internal void CountHelloTimedOut() => Interlocked.Increment(ref _helloTimedOut);

    /// <summary>One line, <c>name=count</c> pairs, for logs.</summary>
    public override string ToString() => string.Join(" ", Current.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));
}
