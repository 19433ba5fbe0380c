using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
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
    private readonly ExposureMonitor _exposure;
    private readonly BridgeOptions _options;
    private readonly ILogger<TerminalSessions> _logger;
    private readonly HelloGate _gate;
    private readonly InputLimits _limits;
    private readonly HashSet<(long Login, string Symbol)> _marginMismatchReported = [];
    private readonly TimeSpan _staleAfter;
    private readonly TimeSpan _sessionTimeout;
    private Action<long, byte[]>? _push;

    public TerminalSessions(AccountBook accounts, RiskEngineSource engines, AuditTrail audit, ExposureMonitor exposure,
        IOptions<BridgeOptions> options, ILogger<TerminalSessions> logger, HelloGate gate, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gate = gate;
        _limits = limits;
        _exposure = exposure;
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
            if (_limits.AdmitConnection(connection, _connections.Count)) _connections.Add(connection.Identity, connection);
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

    /// <summary>Applies one message and returns its reply, or null when it needs none.</summary>
    public byte[]? Handle(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        var started = Stopwatch.GetTimestamp();
        if (_limits.Screen(connection, payload, now, out var screened)) return screened;
        var parsed = WireParser.Parse(payload);
        if (!parsed.IsSuccess)
        {
            LogRefused(connection.Login, parsed.Error.Code);
            return WireWriter.Serialize(parsed.Error);
        }

        var message = parsed.Message;
        if (_limits.Inspect(connection, message) is { } limited) return limited;
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
                slot.View = view with { HasAccount = true, ServerTime = account.Time, ServerTimeAt = now, Account = view.Account.WithAccount(account, now) };
                _exposure.OnAccount(slot.View, now, alert => PushAlert(view.Login, alert), account.ClosedTrades, account.ClosedLots);
                break;
            case SymbolMessage symbol:
                if (OnSymbol(slot, symbol) is { } refused) return refused;
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

    /// <summary>Drops accounts whose connections have all been silent past the session timeout.</summary>
    public void Sweep(DateTimeOffset now)
    {
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
        foreach (var identity in gone) _connections.Remove(identity);
        foreach (var view in _accounts.All.ToList())
        {
            if (_connections.Values.Any(c => c.Login == view.Login)) continue;
            _accounts.Remove(view.Login);
            _exposure.Forget(view.Login);
            _marginMismatchReported.RemoveWhere(k => k.Login == view.Login);
            LogAccountDropped(view.Login, _options.SessionTimeoutSeconds);
        }
    }

    private byte[] OnHello(Connection connection, HelloMessage hello)
    {
        if (_gate.Refuse(connection, hello) is { } refused) return refused;
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

    private byte[] OnCheck(AccountView view, CheckMessage message, DateTimeOffset now, long started)
    {
        if (message.Id is null)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.BadField, "id is required on check: the decision is matched to it"));
        }
        var engine = _engines.Current;
        var account = view.Account;
        if (message.Snapshot is { } snapshot) account = account.WithSnapshot(snapshot, now);
        var order = message.ToOrderRequest();
        Decision decision;
        try
        {
            decision = Decide(engine, view with { Account = account }, order, now);
        }
#pragma warning disable CA1031 // Any failure inside an evaluation must become a reject, never an approval or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEngineError(ex, view.Login, message.Id, message.Symbol, message.Lots);
            decision = EngineFailure(engine, account, message.Lots);
        }

        var latency = Stopwatch.GetElapsedTime(started);
        // On record before it is sent: a decision the client holds is always in the audit trail.
        if (!_audit.Record(new AuditEntry(now, view.Login, message.Id, order, account, message.Snapshot is not null,
                account.ReceivedAt == default ? TimeSpan.MaxValue : now - account.ReceivedAt, decision, latency)))
        {
            return WireWriter.Error(message.Id, WireErrorCode.EngineError,
                "no decision: the audit trail cannot be written, so the order is not approved");
        }
        if (_logger.IsEnabled(LogLevel.Information))
        {
            LogDecision(view.Login, message.Id, message.Symbol, order.Side, message.Lots, decision.Verdict, decision.Lots,
                decision.Reasons.IsEmpty ? "" : string.Join(", ", decision.Reasons.Select(r => r.Code)));
        }
        return WireWriter.Decision(message.Id, decision);
    }

    /// <summary>The gates first (rate, trading state, weekend block), then the engine under any higher-margin window.</summary>
    private Decision Decide(RiskEngine engine, AccountView view, OrderRequest order, DateTimeOffset now)
    {
        view.Symbols.TryGet(order.Symbol, out var spec);
        var windows = spec is null ? [] : _exposure.WindowsFor(view, spec, now);
        var gate = _exposure.Gate(view, order, spec, now, alert => PushAlert(view.Login, alert));
        var judged = gate is { MaxLots: > 0m } ? order with { Lots = Math.Min(order.Lots, gate.MaxLots) } : order;
        var decision = engine.Evaluate(new OrderCheck
        {
            Order = judged,
            Account = view.Account,
            Symbols = view.Symbols,
            Quotes = view.Quotes,
            Now = now,
            StaleAfter = _staleAfter,
            Windows = windows,
        });

        var extra = ImmutableArray.CreateBuilder<Reason>();
        if (gate is not null) extra.Add(gate);
        // A decision made under a window says so, whether or not the window's cap bound.
        foreach (var window in windows)
            extra.Add(new Reason(window.Code, WindowText(window, decision.Lots), decision.Lots));
        if (extra.Count == 0) return decision;

        var lots = gate is { MaxLots: <= 0m } ? 0m : decision.Lots;
        var verdict = lots <= 0m ? Verdict.Reject : lots < order.Lots ? Verdict.Resize : decision.Verdict;
        return decision with { Verdict = verdict, Lots = lots, RequestedLots = order.Lots, Reasons = extra.ToImmutable().AddRange(decision.Reasons) };
    }

    private static string WindowText(LeverageWindow window, decimal lots) => string.Create(CultureInfo.InvariantCulture,
        $"{(window.Code == ReasonCode.NewsWindow ? "a high-impact news window" : "the weekend window")} caps new positions at {window.Cap}; judged at that leverage, {lots:0.##} lots allowed");

    private void PushAlert(long login, Alert alert)
    {
        LogWarningPushed(login, alert.Code, alert.Severity, alert.Message);
        _push?.Invoke(login, WireWriter.Warning(WarningPush.ToMessage(alert)));
    }

    private void PushInstruction(long login, CloseInstruction close)
    {
        LogInstruction(login, close.Ticket, close.Lots);
        _push?.Invoke(login, WireWriter.Instruction(new InstructionMessage(InstructionAction.Close, close.Ticket, close.Lots)));
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

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug,
        Message = "Check {Id} account {Login}: {Side} {Lots} {Symbol} -> {Verdict} {ApprovedLots} {Reasons}")]
    private partial void LogDecision(long login, string id, string symbol, Side side, decimal lots, Verdict verdict, decimal approvedLots, string reasons);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Refused a message from account {Login}: {Code}")]
    private partial void LogRefused(long? login, string code);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning,
        Message = "Account {Login} {Symbol}: broker margin per lot {Broker} differs from the computed {Computed} by more than 1%; the symbol likely has its own leverage at the broker, and the larger figure is used")]
    private partial void LogMarginMismatch(long login, string symbol, decimal computed, decimal broker);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Account {Login} dropped: no message for {Seconds} s")]
    private partial void LogAccountDropped(long login, int seconds);

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Account {Login} warned {Code} ({Severity}): {Message}")]
    private partial void LogWarningPushed(long login, string code, AlertSeverity severity, string message);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Account {Login}: instructing the terminal to close {Lots} lots of ticket {Ticket}")]
    private partial void LogInstruction(long login, long ticket, decimal lots);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Engine failed on check {Id} of account {Login} ({Lots} {Symbol}); rejected")]
    private partial void LogEngineError(Exception exception, long login, string id, string symbol, decimal lots);
}
