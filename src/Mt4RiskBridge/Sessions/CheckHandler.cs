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
/// Answers a <c>check</c>: gathers the facts the decision is made from (account, positions, quotes, server time,
/// trading state, rate, windows), makes the one call into the core, puts the decision on record before it is sent,
/// and returns the reply. It never changes a decision. A <c>size</c> is answered from the same facts by the core's
/// sizer, which judges its size with the same call. Socket thread only.
/// </summary>
public sealed partial class CheckHandler
{
    private readonly RiskEngineSource _engines;
    private readonly AuditTrail _audit;
    private readonly ExposureMonitor _exposure;
    private readonly ILogger<CheckHandler> _logger;
    private readonly LiveFeed _feed;
    private readonly TimeSpan _staleAfter;

    public CheckHandler(RiskEngineSource engines, AuditTrail audit, ExposureMonitor exposure, IOptions<BridgeOptions> options,
        ILogger<CheckHandler> logger, LiveFeed feed)
    {
        ArgumentNullException.ThrowIfNull(options);
        _feed = feed;
        _engines = engines;
        _audit = audit;
        _exposure = exposure;
        _logger = logger;
        _staleAfter = TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
    }

    /// <summary>The reply to a check: the decision, on record before it is returned; an error when it cannot be recorded.</summary>
    public byte[] Handle(AccountView view, CheckMessage message, DateTimeOffset now, long started, Action<Alert> push)
    {
        if (message.Id is null)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.BadField, "id is required on check: the decision is matched to it"));
        }
        _feed.Metrics.CheckStarted(started);
        var engine = _engines.Current;
        var judged = WithSnapshot(view, message.Snapshot, now);
        var account = judged.Account;
        var order = message.ToOrderRequest();
        Decision decision;
        OrderCheck? check = null;
        try
        {
            check = Gather(judged, order, now, push);
            decision = engine.Evaluate(check);
        }
#pragma warning disable CA1031 // Any failure inside an evaluation must become a reject, never an approval or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEngineError(ex, view.Login, message.Id, message.Symbol, message.Lots);
            decision = engine.Failed(account, message.Lots);
        }

        var latency = Stopwatch.GetElapsedTime(started);
        // On record before it is sent: a decision the client holds is always in the audit trail.
        if (!_audit.Record(new AuditEntry(now, view.Login, message.Id, order, account, message.Snapshot is not null,
                account.ReceivedAt == default ? TimeSpan.MaxValue : now - account.ReceivedAt, decision, latency, check, engine.Policy.TierCurrency)))
        {
            return WireWriter.Error(message.Id, WireErrorCode.EngineError,
                "no decision: the audit trail cannot be written, so the order is not approved");
        }
        _feed.Decided(now, view.Login, message.Id, order, decision, latency);
        if (decision.Verdict != Verdict.Reject && view.Quotes.TryGetQuote(order.Symbol, out var quote))
            _exposure.OnApproved(view.Login, order, decision, quote);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogDecision(view.Login, message.Id, message.Symbol, order.Side, message.Lots, decision.Verdict, decision.Lots,
                decision.Reasons.IsEmpty ? "" : string.Join(", ", decision.Reasons.Select(r => r.Code)));
        }
        return decision.ToFrame(message.Id);
    }

    /// <summary>
    /// The reply to a size request: the core's suggestion from the same facts as a check (and counted in the same
    /// check rate). No order is asked for, so nothing goes to the audit trail.
    /// </summary>
    public byte[] HandleSize(AccountView view, SizeMessage message, DateTimeOffset now, Action<Alert> push)
    {
        if (message.Id is null)
        {
            return WireWriter.Serialize(new WireError(WireErrorCode.BadField, "id is required on size: the suggestion is matched to it"));
        }
        var engine = _engines.Current;
        var judged = WithSnapshot(view, message.Snapshot, now);
        try
        {
            var size = new PositionSizer(engine).Size(Gather(judged, message.ToOrderRequest(), now, push), message.RiskPercent);
            return WireWriter.Serialize(size.ToMessage(message.Id));
        }
#pragma warning disable CA1031 // A failure while sizing must answer 0 lots, never a size or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEngineError(ex, view.Login, message.Id, message.Symbol, 0m);
            return WireWriter.Serialize(new SizeDecision(0m, 0m, 0m, 0m, engine.Failed(judged.Account, 0m)).ToMessage(message.Id));
        }
    }

    // A snapshot is an account report: the state is judged on it as on an account message.
    private static AccountView WithSnapshot(AccountView view, CheckSnapshot? snapshot, DateTimeOffset now) =>
        snapshot is null ? view : view with { Account = view.Account.WithSnapshot(snapshot, now), HasAccount = true };

    /// <summary>Gathers what the decision is made from; the engine judges it and the audit line records it.</summary>
    private OrderCheck Gather(AccountView view, OrderRequest order, DateTimeOffset now, Action<Alert> push)
    {
        var windows = view.Symbols.TryGet(order.Symbol, out var spec) ? _exposure.WindowsFor(view, spec, now) : [];
        var (rate, state, why) = _exposure.CheckFacts(view, now, push);
        return new OrderCheck
        {
            Order = order,
            Account = view.Account,
            Symbols = view.Symbols,
            Quotes = view.Quotes,
            Now = now,
            StaleAfter = _staleAfter,
            Windows = windows,
            Rate = rate,
            TradingState = state,
            TradingWhy = why,
            ServerTime = view.ServerNow(now),
            Calendar = _exposure.Calendar,
            BlockNewPositionsMinutes = _exposure.BlockNewPositionsMinutes,
        };
    }

    // Every check is in the audit trail; the log line is for debugging only (thousands a minute at scale).
    [LoggerMessage(EventId = 201, Level = LogLevel.Debug,
        Message = "Check {Id} account {Login}: {Side} {Lots} {Symbol} -> {Verdict} {ApprovedLots} {Reasons}")]
    private partial void LogDecision(long login, string id, string symbol, Side side, decimal lots, Verdict verdict, decimal approvedLots, string reasons);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Engine failed on check {Id} of account {Login} ({Lots} {Symbol}); rejected")]
    private partial void LogEngineError(Exception exception, long login, string id, string symbol, decimal lots);
}
