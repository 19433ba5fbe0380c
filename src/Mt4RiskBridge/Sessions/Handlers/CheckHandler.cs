using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>
/// Answers a <c>check</c>: gathers the facts the decision is made from (<see cref="CheckFacts"/>), makes the one
/// call into the core, puts the decision on record before it is sent, and returns the reply. It never changes a
/// decision. Socket thread only.
/// </summary>
public sealed partial class CheckHandler : AccountMessageHandler<CheckMessage>
{
    private readonly RiskEngineSource _engines;
    private readonly CheckFacts _facts;
    private readonly AuditTrail _audit;
    private readonly ExposureMonitor _exposure;
    private readonly TerminalPusher _pusher;
    private readonly ILogger<CheckHandler> _logger;
    private readonly LiveFeed _feed;

    public CheckHandler(RiskEngineSource engines, CheckFacts facts, AuditTrail audit, ExposureMonitor exposure, TerminalPusher pusher,
        ILogger<CheckHandler> logger, LiveFeed feed)
    {
        _feed = feed;
        _engines = engines;
        _facts = facts;
        _audit = audit;
        _exposure = exposure;
        _pusher = pusher;
        _logger = logger;
    }

    public override string Type => WireMessageType.Check;

    /// <summary>The reply to a check: the decision, on record before it is returned; an error when it cannot be recorded.</summary>
    protected override byte[]? Handle(AccountSlot slot, CheckMessage message, DateTimeOffset now, long received, out bool refused)
    {
        refused = false;
        if (message.Id is null) return IdRequired(message, "the decision");
        var view = slot.View;
        _feed.Metrics.CheckStarted(received);
        var engine = _engines.Current;
        var judged = CheckFacts.WithSnapshot(view, message.Snapshot, now);
        var account = judged.Account;
        var order = message.ToOrderRequest();
        Decision decision;
        OrderCheck? check = null;
        try
        {
            check = _facts.Gather(judged, order, now, alert => _pusher.Alert(view.Login, alert));
            decision = engine.Evaluate(check);
        }
#pragma warning disable CA1031 // Any failure inside an evaluation must become a reject, never an approval or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SessionLog.EngineError(_logger, ex, view.Login, message.Id, message.Symbol, message.Lots);
            decision = engine.Failed(account, message.Lots);
        }

        var latency = Stopwatch.GetElapsedTime(received);
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

    // Every check is in the audit trail; the log line is for debugging only (thousands a minute at scale).
    [LoggerMessage(EventId = 201, Level = LogLevel.Debug,
        Message = "Check {Id} account {Login}: {Side} {Lots} {Symbol} -> {Verdict} {ApprovedLots} {Reasons}")]
    private partial void LogDecision(long login, string id, string symbol, Side side, decimal lots, Verdict verdict, decimal approvedLots, string reasons);
}
