using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// Warning <c>post_trade_violation</c> (and the close instruction under enforcement): a position that appeared since
/// the last list and breaks a rule, unless it fills an order the service approved or resized.
/// </summary>
internal sealed class PostTradeWatcher(RiskEngineSource engines, ExposureInForce inForce, WindowsInForce windows)
    : AccountWatcher<PostTradeWatcher.Seen>
{
    /// <summary>Approvals remembered per account for matching fills; an EA fills its orders within moments.</summary>
    public const int MaxApprovals = 32;

    /// <summary>A check was approved or resized at <paramref name="quote"/>: the position it opens is the service's own size.</summary>
    public void OnApproved(long login, OrderRequest order, Decision decision, Quote quote)
    {
        if (decision.Verdict == Verdict.Reject) return;
        var approvals = State(login).Approvals;
        if (approvals.Count == MaxApprovals) approvals.RemoveAt(0);
        approvals.Add(new ApprovedOrder(order.Symbol, order.Side, decision.Lots, quote.Bid, quote.Ask));
    }

    /// <summary>Judges the positions opened since the last list.</summary>
    public NewPositions OnPositions(AccountView view, DateTimeOffset now, Action<Alert> push, Action<CloseInstruction> instruct)
    {
        var seen = State(view.Login);
        var positions = view.Account.Portfolio.Positions;
        var known = seen.KnownTickets;
        seen.KnownTickets = [.. positions.Select(p => p.Ticket)];
        // The first list after hello is what was already open, not a new order.
        if (known is null) return NewPositions.FirstList;

        var engine = engines.Current;
        var opened = false;
        foreach (var position in positions)
        {
            if (known.Contains(position.Ticket)) continue;
            opened = true;
            var windowsNow = view.Symbols.TryGet(position.Symbol, out var spec) ? windows.For(view, spec, now) : [];
            var result = PostTradeCheck.Evaluate(position, view.Account, view.Symbols, view.Quotes, engine, now, inForce.Settings.Enforcement, windowsNow, seen.Approvals);
            // One approval covers one fill.
            if (result.Covered is { } covered) seen.Approvals.Remove(covered);
            if (result.Alert is { } alert) push(alert);
            if (result.Instruction is { } instruction) instruct(instruction);
        }
        return opened ? NewPositions.Opened : NewPositions.None;
    }

    protected override Seen Create(long login) => new();

    /// <summary>What a positions list held that the last did not.</summary>
    public enum NewPositions
    {
        None,

        /// <summary>The first list after hello: what was already open, nothing judged.</summary>
        FirstList,

        Opened,
    }

    internal sealed class Seen
    {
        public HashSet<long>? KnownTickets { get; set; }

        /// <summary>Recent approvals and resizes, oldest first, that a newly reported position may fill.</summary>
        public List<ApprovedOrder> Approvals { get; } = [];
    }
}
