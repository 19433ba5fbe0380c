using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The service side of protocol v1: which connection speaks for which account, how each message changes that
/// account's state, and the reply each message gets. Runs on the socket thread only; it touches no socket and
/// returns the reply bytes for the transport to send. Only connections whose own hello was accepted are kept;
/// the transport reports each disconnect, which forgets the connection, so an identity reused by a new peer
/// starts unauthenticated.
/// </summary>
public sealed partial class TerminalSessions
{
    private readonly Dictionary<byte[], Connection> _connections = new(Transport.IdentityComparer.Instance);
    private readonly HashSet<byte[]> _ignored = new(Transport.IdentityComparer.Instance);
    private readonly Dictionary<byte[], Connection> _unbound = new(Transport.IdentityComparer.Instance);
    private readonly Dictionary<long, DateTimeOffset> _orphaned = [];
    private readonly AccountBook _accounts;
    private readonly RiskEngineSource _engines;
    private readonly CheckHandler _checks;
    private readonly ExposureMonitor _exposure;
    private readonly BridgeOptions _options;
    private readonly ILogger<TerminalSessions> _logger;
    private readonly HelloGate _gate;
    private readonly InputLimits _limits;
    private readonly LiveFeed _feed;
    private readonly HashSet<(long Login, string Symbol)> _marginMismatchReported = [];
    private readonly TimeSpan _sessionTimeout;
    private Action<long, byte[]>? _push;

    public TerminalSessions(AccountBook accounts, RiskEngineSource engines, CheckHandler checks, ExposureMonitor exposure,
        IOptions<BridgeOptions> options, ILogger<TerminalSessions> logger, HelloGate gate, InputLimits limits, LiveFeed feed)
    {
        ArgumentNullException.ThrowIfNull(options);
        _feed = feed;
        _gate = gate;
        _limits = limits;
        _exposure = exposure;
        _accounts = accounts;
        _engines = engines;
        _checks = checks;
        _options = options.Value;
        _logger = logger;
        _sessionTimeout = TimeSpan.FromSeconds(_options.SessionTimeoutSeconds);
    }

    /// <summary>Identifies this run of the service; a client that sees it change knows to resend its state.</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>Authenticated connections being served.</summary>
    public int ConnectionCount => _connections.Count;

    internal void AttachPusher(Action<long, byte[]> push) => _push = push;

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

    public byte[]? RefuseTooLarge(Connection connection, int size, int limit)
    {
        if (!_limits.AnswerRefusedFrame(connection, WireErrorCode.TooLarge)) return null;
        LogRefused(connection.Login, WireErrorCode.TooLarge);
        return WireWriter.Serialize(new WireError(WireErrorCode.TooLarge,
            $"message of {size} bytes is larger than the {limit}-byte limit (Bridge:MaxMessageBytes)"));
    }

    public byte[]? RefuseFrames(Connection connection, int frames)
    {
        if (!_limits.AnswerRefusedFrame(connection, WireErrorCode.BadJson)) return null;
        LogRefused(connection.Login, WireErrorCode.BadJson);
        return WireWriter.Serialize(new WireError(WireErrorCode.BadJson,
            $"a message must be exactly one frame (after the empty delimiter for REQ sockets), not {frames}"));
    }

    /// <summary>
    /// The budgets a message meets as it is read, before it is parsed (<see cref="InputLimits.Screen"/>): true when
    /// it goes no further, with the reply to send, if any.
    /// </summary>
    public bool Screen(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now, out byte[]? reply) =>
        _limits.Screen(connection, payload, now, out reply);

    /// <summary>Applies one message and returns its reply, or null when it needs none.</summary>
    public byte[]? Handle(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (Screen(connection, payload, now, out var screened)) return screened;
        return Handle(connection, payload, now, Stopwatch.GetTimestamp(), out _);
    }

    /// <summary>
    /// Applies one message that passed <see cref="Screen"/> and returns its reply, or null when it needs none.
    /// <paramref name="received"/> is when it was read (<see cref="Stopwatch"/> ticks); <paramref name="refused"/>
    /// is true when it changed nothing because it was refused.
    /// </summary>
    public byte[]? Handle(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now, long received, out bool refused)
    {
        ArgumentNullException.ThrowIfNull(connection);
        refused = true;
        var parsed = WireParser.Parse(payload);
        if (!parsed.IsSuccess)
        {
            LogRefused(connection.Login, parsed.Error.Code);
            return WireWriter.Serialize(parsed.Error);
        }

        var message = parsed.Message;
        _feed.Message(message.Type);
        if (_limits.Inspect(connection, message) is { } limited) return limited;
        if (message is HelloMessage hello) return OnHello(connection, hello, now);
        if (connection.Slot is not { } slot)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.NoHello,
                $"send hello before {message.Type}; this connection has not said which account it speaks for") { Id = message.Id });
        }

        var view = slot.View;
        refused = false;
        switch (message)
        {
            case CheckMessage check:
                return _checks.Handle(view, check, now, received, alert => PushAlert(view.Login, alert));
            case SizeMessage size:
                return _checks.HandleSize(view, size, now, alert => PushAlert(view.Login, alert));
            case AccountMessage account:
                slot.View = view with { HasAccount = true, ServerTime = account.Time, ServerTimeAt = now, Account = view.Account.WithAccount(account, now) };
                _exposure.OnAccount(slot.View, now, alert => PushAlert(view.Login, alert), account.ClosedTrades, account.ClosedLots);
                break;
            case SymbolMessage symbol:
                if (OnSymbol(slot, symbol) is { } refusal)
                {
                    refused = true;
                    return refusal;
                }
                break;
            case TickMessage tick:
                view.Quotes.Set(tick.ToQuote(now));
                // Server time moves in whole seconds: most ticks leave the view as it is.
                if (tick.Time != view.ServerTime) slot.View = view with { ServerTime = tick.Time, ServerTimeAt = now };
                break;
            case TicksMessage ticks:
                var latest = view.ServerTime;
                foreach (var t in ticks.Ticks)
                {
                    view.Quotes.Set(t.ToQuote(now));
                    latest = Math.Max(latest, t.Time);
                }
                if (latest != view.ServerTime) slot.View = view with { ServerTime = latest, ServerTimeAt = now };
                break;
            case PositionsMessage positions:
                slot.View = view with { Account = view.Account.WithPositions(positions) };
                _exposure.OnPositions(slot.View, now, alert => PushAlert(view.Login, alert), close => PushInstruction(view.Login, close));
                break;
            case HeartbeatMessage:
                break;
        }
        return message.Id is null ? null : WireWriter.Serialize(new AckMessage { Id = message.Id });
    }

    /// <summary>Drops connections silent past the session timeout, and accounts no connection speaks for.</summary>
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
            _exposure.Sweep(_accounts.All, now, PushAlert);
            return;
        }
        foreach (var identity in gone)
        {
            _connections.Remove(identity, out var connection);
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
        if (!_accounts.Remove(login)) return false;
        _exposure.Forget(login);
        _marginMismatchReported.RemoveWhere(k => k.Login == login);
        return true;
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

    private byte[] OnHello(Connection connection, HelloMessage hello, DateTimeOffset now)
    {
        var held = connection.Login;
        if (_gate.Refuse(connection, hello) is { } refused)
        {
            if (!connection.Guard.Ignored) return refused;
            // Failed authentication: the connection loses whatever it held and is ignored until it disconnects.
            if (_connections.Remove(connection.Identity) && held is { } login) ForgetAccountIfUnused(login);
            if (_ignored.Count < _options.MaxConnections) _ignored.Add(connection.Identity);
            return refused;
        }
        var kept = _connections.ContainsKey(connection.Identity);
        if (!kept && _limits.AdmitHello(hello, _connections.Count, now) is { } full) return full;
        connection.Login = hello.Account;
        connection.Client = hello.Client;
        if (_accounts.TryGetSlot(hello.Account, out var slot))
        {
            // Another connection of the same terminal: share the state, refresh the fixed settings.
            var existing = slot.View;
            slot.View = existing with { Server = hello.Server, Account = existing.Account.WithHello(hello) };
        }
        else
        {
            // No account message yet: the state counts as stale until one arrives.
            slot = _accounts.Add(new AccountView { Login = hello.Account, Server = hello.Server, Account = hello.ToAccountState() });
        }
        connection.Slot = slot;
        _orphaned.Remove(hello.Account);
        if (!kept)
        {
            _connections.Add(connection.Identity, connection);
            _feed.Metrics.Connected(_connections.Count);
        }
        _feed.Connections(hello.Account, CountConnections(hello.Account), _connections.Count);
        _exposure.OnHello(hello.Account);
        LogHello(hello.Account, hello.Server, hello.Client, connection.UsesDelimiter ? "REQ" : "DEALER");
        return WireWriter.Serialize(new WelcomeMessage(SessionId, _options.HeartbeatMs) { Id = hello.Id });
    }

    /// <summary>Stores a symbol's contract; refuses, changing nothing, one whose figures the margin arithmetic cannot carry.</summary>
    private byte[]? OnSymbol(AccountSlot slot, SymbolMessage symbol)
    {
        var view = slot.View;
        var policy = _engines.Current.Policy;
        var raw = symbol.ToSymbolSpec();
        var spec = raw with { Class = policy.Classifier.Classify(raw.Name, raw.MarginCalcMode, raw.BaseCurrency, raw.ProfitCurrency) };
        var specs = view.Symbols.Specs.Where(s => !string.Equals(s.Name, spec.Name, StringComparison.OrdinalIgnoreCase)).Append(spec);
        var updated = view with { Symbols = new SymbolCatalog(specs) };

        BrokerMarginComparison? comparison = null;
        if (updated.HasAccount)
        {
            try
            {
                comparison = BrokerMarginCheck.Compare(spec, updated.Account, policy, updated.Symbols, updated.Quotes);
            }
            catch (OverflowException)
            {
                LogRefused(view.Login, WireErrorCode.BadField);
                return WireWriter.Error(symbol.Id, WireErrorCode.BadField,
                    $"symbol {spec.Name}: contract size, prices and margin figures are too large to compute a margin from");
            }
        }
        slot.View = updated;
        if (comparison is { Differs: true } && _marginMismatchReported.Add((view.Login, spec.Name)))
            LogMarginMismatch(view.Login, spec.Name, comparison.Computed, comparison.Broker);
        return null;
    }

    private void PushAlert(long login, Alert alert)
    {
        LogWarningPushed(login, alert.Code, alert.Severity, alert.Message);
        _feed.Warned(login, alert);
        _push?.Invoke(login, WireWriter.Warning(WarningPush.ToMessage(alert)));
    }

    private void PushInstruction(long login, CloseInstruction close)
    {
        LogInstruction(login, close.Ticket, close.Lots);
        _push?.Invoke(login, WireWriter.Instruction(new InstructionMessage(InstructionAction.Close, close.Ticket, close.Lots)));
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Account {Login} hello from {Server} via {Client} ({Socket})")]
    private partial void LogHello(long login, string server, string client, string socket);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Refused a message from account {Login}: {Code}")]
    private partial void LogRefused(long? login, string code);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning,
        Message = "Account {Login} {Symbol}: broker margin per lot {Broker} differs from the computed {Computed} by more than 1%; the symbol likely has its own leverage at the broker, and the larger figure is used")]
    private partial void LogMarginMismatch(long login, string symbol, decimal computed, decimal broker);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Account {Login} dropped: no message for {Seconds} s")]
    private partial void LogAccountDropped(long login, int seconds);

    [LoggerMessage(EventId = 208, Level = LogLevel.Debug, Message = "A connection of account {Login} disconnected")]
    private partial void LogDisconnected(long? login);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Account {Login} warned {Code} ({Severity}): {Message}")]
    private partial void LogWarningPushed(long login, string code, AlertSeverity severity, string message);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Account {Login}: instructing the terminal to close {Lots} lots of ticket {Ticket}")]
    private partial void LogInstruction(long login, long ticket, decimal lots);

}
