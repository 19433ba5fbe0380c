using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Which connection speaks for which account. Only connections whose own hello was accepted are kept; the transport
/// reports each disconnect, which forgets the connection, so an identity reused by a new peer starts
/// unauthenticated. An account no connection speaks for keeps its state for the session timeout. Socket thread only.
/// </summary>
public sealed partial class ConnectionTable
{
    private readonly Dictionary<byte[], Connection> _connections = new(IdentityComparer.Instance);
    private readonly HashSet<byte[]> _ignored = new(IdentityComparer.Instance);
    private readonly Dictionary<byte[], Connection> _unbound = new(IdentityComparer.Instance);
    private readonly Dictionary<long, DateTimeOffset> _orphaned = [];
    private readonly AccountUpdater _accounts;
    private readonly LiveFeed _feed;
    private readonly BridgeOptions _options;
    private readonly ILogger<ConnectionTable> _logger;
    private readonly TimeSpan _sessionTimeout;

    public ConnectionTable(AccountUpdater accounts, LiveFeed feed, IOptions<BridgeOptions> options, ILogger<ConnectionTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _accounts = accounts;
        _feed = feed;
        _options = options.Value;
        _logger = logger;
        _sessionTimeout = TimeSpan.FromSeconds(_options.SessionTimeoutSeconds);
    }

    /// <summary>
    /// A connection became kept (true) or stopped being kept while its peer may still be connected (false): the
    /// transport closes TCP connections that are not kept (<c>Bridge:HelloTimeoutSeconds</c>). Raised on the socket thread.
    /// </summary>
    public event Action<byte[], bool>? KeptChanged;

    /// <summary>Authenticated connections being served.</summary>
    public int Count => _connections.Count;

    /// <summary>
    /// The connection a message came from: the kept one for an authenticated peer, otherwise a new one that is kept
    /// only if its hello is accepted (so a peer that never says hello holds nothing).
    /// </summary>
    public Connection Connect(ReadOnlySpan<byte> identity, DateTimeOffset now)
    {
        if (!_connections.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(identity, out var connection)
            && !_unbound.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(identity, out connection))
        {
            connection = new Connection(identity.ToArray());
            if (_ignored.GetAlternateLookup<ReadOnlySpan<byte>>().Contains(identity)) connection.Guard.Ignored = true;
            // Read messages wait for the end of their batch: a hello and what follows it must share one connection.
            _unbound.Add(connection.Identity, connection);
        }
        connection.LastSeen = now;
        return connection;
    }

    /// <summary>The transport handled every message it had read: peers still without hello hold nothing from here on.</summary>
    public void EndBatch() => _unbound.Clear();

    /// <summary>Whether the connection is kept already (its peer said hello before).</summary>
    public bool IsKept(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return _connections.ContainsKey(connection.Identity);
    }

    /// <summary>The connection's hello was accepted for <see cref="Connection.Login"/>: it is kept, and its account is no longer orphaned.</summary>
    public void Accept(Connection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var login = connection.Login!.Value;
        _orphaned.Remove(login);
        if (_connections.TryAdd(connection.Identity, connection))
        {
            _feed.Metrics.Connected(_connections.Count);
            KeptChanged?.Invoke(connection.Identity, true);
        }
        _feed.Connections(login, CountConnections(login), _connections.Count);
    }

    /// <summary>
    /// The connection failed authentication: it loses whatever it held (<paramref name="held"/>, the account it
    /// spoke for) and is ignored until it disconnects.
    /// </summary>
    public void Ignore(Connection connection, long? held)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_connections.Remove(connection.Identity))
        {
            KeptChanged?.Invoke(connection.Identity, false);
            if (held is { } login) ForgetAccountIfUnused(login);
        }
        if (_ignored.Count < _options.MaxConnections) _ignored.Add(connection.Identity);
    }

    /// <summary>
    /// The peer of <paramref name="identity"/> disconnected: its connection is forgotten at once, so a later peer with
    /// the same identity must say hello itself. Its account's state stays for the session timeout, for a terminal
    /// that reconnects (with its own hello) or is read by an operator.
    /// </summary>
    public void Disconnected(ReadOnlySpan<byte> identity)
    {
        _ignored.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(identity);
        _unbound.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(identity);
        if (!_connections.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(identity, out _, out var connection)) return;
        _feed.Metrics.Connected(_connections.Count);
        if (connection.Login is { } login)
        {
            var remaining = CountConnections(login);
            _feed.Connections(login, remaining, _connections.Count);
            if (remaining == 0) _orphaned[login] = connection.LastSeen;
        }
        LogDisconnected(connection.Login);
    }

    /// <summary>DEALER connections of an account: the only ones unasked messages can reach.</summary>
    public IEnumerable<Connection> PushTargets(long login)
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.Login == login && !connection.UsesDelimiter) yield return connection;
        }
    }

    /// <summary>
    /// Drops connections silent past the session timeout, and accounts no connection speaks for; when none was
    /// dropped, the watchers get their periodic pass over every account.
    /// </summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var (login, since) in _orphaned.ToList())
        {
            if (now - since <= _sessionTimeout) continue;
            _orphaned.Remove(login);
            if (ForgetAccountIfUnused(login)) LogAccountDropped(login, _options.SessionTimeoutSeconds);
        }
        List<byte[]>? gone = null;
        foreach (var (identity, connection) in _connections)
        {
            if (now - connection.LastSeen > _sessionTimeout) (gone ??= []).Add(identity);
        }
        if (gone is null)
        {
            _accounts.Sweep(now);
            return;
        }
        foreach (var identity in gone)
        {
            _connections.Remove(identity, out var connection);
            KeptChanged?.Invoke(identity, false);
            if (connection?.Login is { } login && ForgetAccountIfUnused(login)) LogAccountDropped(login, _options.SessionTimeoutSeconds);
        }
    }

    private bool ForgetAccountIfUnused(long login)
    {
        var remaining = CountConnections(login);
        _feed.Metrics.Connected(_connections.Count);
        _feed.Connections(login, remaining, _connections.Count);
        if (remaining > 0) return false;
        _feed.Forget(login);
        return _accounts.Forget(login);
    }

    private int CountConnections(long login)
    {
        var count = 0;
        foreach (var connection in _connections.Values)
        {
            if (connection.Login == login) count++;
        }
        return count;
    }

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Account {Login} dropped: no message for {Seconds} s")]
    private partial void LogAccountDropped(long login, int seconds);

    [LoggerMessage(EventId = 208, Level = LogLevel.Debug, Message = "A connection of account {Login} disconnected")]
    private partial void LogDisconnected(long? login);
}
