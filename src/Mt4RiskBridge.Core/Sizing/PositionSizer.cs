namespace Mt4RiskBridge.Core;

/// <summary>
/// Sizes a market order from its stop: the lots whose loss at the stop (ticks to the stop × tick value, per lot) is
/// at most the risk share of equity, rounded down to the lot step, then judged by <see cref="RiskEngine.Evaluate"/>
/// at that size, whose approved or resized lots are the answer. Every other limit (margin floor, tiers, caps, gates)
/// is therefore the decision's own, never a second copy of it.
/// </summary>
public sealed class PositionSizer(RiskEngine engine)
{
    // Judged when there is no risk size to judge (no symbol, no quote, a budget below one lot): the smallest order,
    // so the decision still names what else is in the way.
    private const decimal ProbeLots = 0.01m;

    /// <summary>
    /// <paramref name="check"/>'s order names the symbol, side and stop loss; its lots are ignored.
    /// </summary>
    public SizeDecision Size(OrderCheck check, decimal riskPercent)
    {
        ArgumentNullException.ThrowIfNull(check);
        var order = check.Order with { OrderType = OrderType.Market, Price = null };
        if (riskPercent is <= 0m or > 100m) return Refused(check, ReasonText.RiskPercentOutOfRange(riskPercent));
        if (!order.HasStopLoss) return Refused(check, ReasonText.SizeWithoutStop());

        var quotes = new FreshQuotes();
        quotes.Reset(check.Quotes, check.Now, check.StaleAfter);
        if (!check.Symbols.TryGet(order.Symbol, out var spec) || spec.TickSize <= 0m || spec.LotStep <= 0m
            || !quotes.TryGetQuote(order.Symbol, out var quote) || quote.Bid <= 0m || quote.Ask < quote.Bid)
        {
            // The decision at the smallest size says which fact is missing.
            var probe = engine.Evaluate(check with { Order = order with { Lots = spec is { MinLot: > 0m } ? spec.MinLot : ProbeLots } });
            return new SizeDecision(0m, 0m, 0m, 0m, probe with { Verdict = Verdict.Reject, Lots = 0m });
        }

        var lossPerLot = spec.LossAtStopPerLot(quote.PriceFor(order.Side), order.StopLoss!.Value);
        var budget = Math.Max(0m, check.Account.Equity) * riskPercent / 100m;
        var riskLots = lossPerLot > 0m
            ? LotSize.FloorToStep(Math.Min(LotSize.LinearLimit(0m, budget, lossPerLot), spec.MaxLot), spec.LotStep)
            : LotSize.FloorToStep(spec.MaxLot, spec.LotStep);
        if (riskLots >= spec.MinLot && riskLots > 0m)
        {
            var decision = engine.Evaluate(check with { Order = order with { Lots = riskLots } });
            return new SizeDecision(decision.Lots, riskLots, lossPerLot, budget, decision);
        }

        // Even the smallest lot would lose more than the budget: refused for that, with whatever else the decision
        // at the smallest lot finds.
        var smallest = spec.MinLot > 0m ? spec.MinLot : spec.LotStep;
        var atSmallest = engine.Evaluate(check with { Order = order with { Lots = smallest } });
        var risk = new Reason(ReasonCode.RiskPerTrade,
            ReasonText.RiskPerTrade(smallest, smallest * lossPerLot, budget, check.Account.Currency, riskPercent), 0m);
        return new SizeDecision(0m, riskLots, lossPerLot, budget,
            atSmallest with { Verdict = Verdict.Reject, Lots = 0m, Reasons = [risk, .. atSmallest.Reasons.Where(r => r.Code != ReasonCode.RiskPerTrade)] });
    }

    // A request that cannot be sized at all: nothing to judge, so the refusal carries the account's tier as a failed
    // evaluation would.
    private SizeDecision Refused(OrderCheck check, string problem)
    {
        var reason = new Reason(ReasonCode.InvalidOrder, ReasonText.InvalidOrder(problem), 0m);
        return new SizeDecision(0m, 0m, 0m, 0m, engine.Failed(check.Account, 0m) with { Reasons = [reason] });
    }
}
