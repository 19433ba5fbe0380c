using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The service side of protocol v1: which connection speaks for which account, how each message changes that
/// account's state, and the reply each message gets. Runs on the socket thread only; it touches no socket and
/// returns the reply bytes for the transport to send.
/// </summary>
public sealed partial class TerminalSessions
{
    private readonly Dictionary<byte[], Connection> _connections = new(Transport.IdentityComparer.Instance);
    private readonly AccountBook _accounts;
    private readonly RiskEngineSource _engines;
    private readonly AuditTrail _audit;
    private readonly BridgeOptions _options;
    private readonly ILogger<TerminalSessions> _logger;
    private readonly HashSet<(long Login, string Symbol)> _marginMismatchReported = [];
    private readonly TimeSpan _staleAfter;
    private readonly TimeSpan _sessionTimeout;
    private Action<long, byte[]>? _push;

    public TerminalSessions(AccountBook accounts, RiskEngineSource engines, AuditTrail audit, IOptions<BridgeOptions> options, ILogger<TerminalSessions> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _accounts = accounts;
        _engines = engines;
        _audit = audit;
        _options = options.Value;
        _logger = logger;
        _staleAfter = TimeSpan.FromSeconds(_options.StaleAfterSeconds);
        _sessionTimeout = TimeSpan.FromSeconds(_options.SessionTimeoutSeconds);
    }

    /// <summary>Identifies this run of the service; a client that sees it change knows to resend its state.</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N")[..12];

    public int ConnectionCount => _connections.Count;

    internal void AttachPusher(Action<long, byte[]> push) => _push = push;

    public Connection Connect(ReadOnlySpan<byte> identity, DateTimeOffset now)
    {
        var byIdentity = _connections.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!byIdentity.TryGetValue(identity, out var connection))
        {
            connection = new Connection(identity.ToArray());
            _connections.Add(connection.Identity, connection);
        }
        connection.LastSeen = now;
        return connection;
    }

    /// <summary>DEALER connections of an account: the only ones unasked messages can reach.</summary>
    public IEnumerable<Connection> PushTargets(long login)
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.Login == login && !connection.UsesDelimiter) yield return connection;
        }
    }

    public byte[] RefuseTooLarge(Connection connection, int size, int limit)
    {
        LogRefused(connection.Login, WireErrorCode.TooLarge);
        return WireWriter.Serialize(new WireError(WireErrorCode.TooLarge,
            $"message of {size} bytes is larger than the {limit}-byte limit (Bridge:MaxMessageBytes)"));
    }

    public byte[] RefuseFrames(Connection connection, int frames)
    {
        LogRefused(connection.Login, WireErrorCode.BadJson);
        return WireWriter.Serialize(new WireError(WireErrorCode.BadJson,
            $"a message must be exactly one frame (after the empty delimiter for REQ sockets), not {frames}"));
    }

    /// <summary>Applies one message and returns its reply, or null when it needs none.</summary>
    public byte[]? Handle(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        var started = Stopwatch.GetTimestamp();
        var parsed = WireParser.Parse(payload);
        if (!parsed.IsSuccess)
        {
            LogRefused(connection.Login, parsed.Error.Code);
            return WireWriter.Serialize(parsed.Error);
        }

        var message = parsed.Message;
        if (message is HelloMessage hello) return OnHello(connection, hello);
        if (connection.Slot is not { } slot)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.NoHello,
                $"send hello before {message.Type}; this connection has not said which account it speaks for") { Id = message.Id });
        }

        var view = slot.View;
        switch (message)
        {
            case CheckMessage check:
                return OnCheck(view, check, now, started);
            case AccountMessage account:
                slot.View = view with { HasAccount = true, ServerTime = account.Time, Account = view.Account.WithAccount(account, now) };
                break;
            case SymbolMessage symbol:
                OnSymbol(slot, symbol);
                break;
            case TickMessage tick:
                slot.View = view with { Quotes = view.Quotes.With(tick.ToQuote(now)), ServerTime = tick.Time };
                break;
            case TicksMessage ticks:
                slot.View = view with
                {
                    Quotes = view.Quotes.With(ticks.Ticks.Select(t => t.ToQuote(now))),
                    ServerTime = ticks.Ticks.Count > 0 ? ticks.Ticks.Max(t => t.Time) : view.ServerTime,
                };
                break;
            case PositionsMessage positions:
                slot.View = view with { Account = view.Account.WithPositions(positions) };
                break;
            case HeartbeatMessage:
                break;
        }
        return message.Id is null ? null : WireWriter.Serialize(new AckMessage { Id = message.Id });
    }

    /// <summary>Drops accounts whose connections have all been silent past the session timeout.</summary>
    public void Sweep(DateTimeOffset now)
    {
        List<byte[]>? gone = null;
        foreach (var (identity, connection) in _connections)
        {
            if (now - connection.LastSeen > _sessionTimeout) (gone ??= []).Add(identity);
        }
        if (gone is null) return;
        foreach (var identity in gone) _connections.Remove(identity);
        foreach (var view in _accounts.All.ToList())
        {
            if (_connections.Values.Any(c => c.Login == view.Login)) continue;
            _accounts.Remove(view.Login);
            _marginMismatchReported.RemoveWhere(k => k.Login == view.Login);
            LogAccountDropped(view.Login, _options.SessionTimeoutSeconds);
        }
    }

    private byte[] OnHello(Connection connection, HelloMessage hello)
    {
        if (connection.Login is { } previous && previous != hello.Account)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.AccountMismatch,
                $"this connection already speaks for account {previous}; open a new connection for account {hello.Account}") { Id = hello.Id });
        }
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
        LogHello(hello.Account, hello.Server, hello.Client, connection.UsesDelimiter ? "REQ" : "DEALER");
        return WireWriter.Serialize(new WelcomeMessage(SessionId, _options.HeartbeatMs) { Id = hello.Id });
    }

    private void OnSymbol(AccountSlot slot, SymbolMessage symbol)
    {
        var view = slot.View;
        var policy = _engines.Current.Policy;
        var raw = symbol.ToSymbolSpec();
        var spec = raw with { Class = policy.Classifier.Classify(raw.Name, raw.MarginCalcMode, raw.BaseCurrency, raw.ProfitCurrency) };
        var specs = view.Symbols.Specs.Where(s => !string.Equals(s.Name, spec.Name, StringComparison.OrdinalIgnoreCase)).Append(spec);
        var updated = view with { Symbols = new SymbolCatalog(specs) };
        slot.View = updated;

        if (!_marginMismatchReported.Contains((view.Login, spec.Name)) && updated.HasAccount
            && BrokerMarginCheck.Compare(spec, updated.Account, policy, updated.Symbols, updated.Quotes) is { Differs: true } comparison)
        {
            _marginMismatchReported.Add((view.Login, spec.Name));
            LogMarginMismatch(view.Login, spec.Name, comparison.Computed, comparison.Broker);
        }
    }

    private byte[] OnCheck(AccountView view, CheckMessage message, DateTimeOffset now, long started)
    {
        if (message.Id is null)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.BadField, "id is required on check: the decision is matched to it"));
        }
        var engine = _engines.Current;
        var account = view.Account;
        if (message.Snapshot is { } snapshot) account = account.WithSnapshot(snapshot, now);
        var symbols = view.Symbols;
        var order = message.ToOrderRequest();
        Decision decision;
        try
        {
            decision = engine.Evaluate(new OrderCheck
            {
                Order = order,
                Account = account,
                Symbols = symbols,
                Quotes = view.Quotes,
                Now = now,
                StaleAfter = _staleAfter,
            });
        }
#pragma warning disable CA1031 // Any failure inside an evaluation must become a reject, never an approval or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEngineError(ex, view.Login, message.Id, message.Symbol, message.Lots);
            decision = EngineFailure(engine, account, message.Lots);
        }

        var latency = Stopwatch.GetElapsedTime(started);
        _audit.Record(new AuditEntry(now, view.Login, message.Id, order, account, message.Snapshot is not null,
            account.ReceivedAt == default ? TimeSpan.MaxValue : now - account.ReceivedAt, decision, latency));
        LogDecision(view.Login, message.Id, message.Symbol, order.Side, message.Lots, decision.Verdict, decision.Lots,
            decision.Reasons.IsEmpty ? "" : string.Join(", ", decision.Reasons.Select(r => r.Code)));
        return WireWriter.Decision(message.Id, decision);
    }

    private static Decision EngineFailure(RiskEngine engine, AccountState account, decimal lots)
    {
        var tier = engine.Policy.Tiers.TierFor(account.Equity);
        return new Decision(Verdict.Reject, 0m, lots,
            [new Reason(WireErrorCode.EngineError, "the risk engine failed on this order; it is rejected and the failure is logged", 0m)],
            account.MarginLevel, account.Leverage, tier);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Account {Login} hello from {Server} via {Client} ({Socket})")]
    private partial void LogHello(long login, string server, string client, string socket);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Check {Id} account {Login}: {Side} {Lots} {Symbol} -> {Verdict} {ApprovedLots} {Reasons}")]
    private partial void LogDecision(long login, string id, string symbol, Side side, decimal lots, Verdict verdict, decimal approvedLots, string reasons);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Refused a message from account {Login}: {Code}")]
    private partial void LogRefused(long? login, string code);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning,
        Message = "Account {Login} {Symbol}: broker margin per lot {Broker} differs from the computed {Computed} by more than 1%; the symbol likely has its own leverage at the broker, and the larger figure is used")]
    private partial void LogMarginMismatch(long login, string symbol, decimal computed, decimal broker);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Account {Login} dropped: no message for {Seconds} s")]
    private partial void LogAccountDropped(long login, int seconds);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Engine failed on check {Id} of account {Login} ({Lots} {Symbol}); rejected")]
    private partial void LogEngineError(Exception exception, long login, string id, string symbol, decimal lots);
}
