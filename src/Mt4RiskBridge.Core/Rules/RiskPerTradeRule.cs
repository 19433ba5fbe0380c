namespace Mt4RiskBridge.Core;

/// <summary>
/// The loss if the stop is hit, lots × |entry − stop| ÷ tick size × tick value, may not exceed the set share of
/// equity. Orders without a stop are left to <see cref="StopLossRequiredRule"/>.
/// </summary>
internal sealed class RiskPerTradeRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var percent = context.Policy.RiskPerTradePercent;
        if (percent <= 0m || !context.Order.HasStopLoss) return RuleLimit.None;
        var lossPerLot = context.Spec.LossAtStopPerLot(context.Entry, context.Order.StopLoss!.Value);
        var budget = context.Equity * percent / 100m;
        return new RuleLimit(LotSize.LinearLimit(context.Reducible, budget, lossPerLot), lossPerLot, budget);
    }

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.RiskPerTrade,
            ReasonText.RiskPerTrade(context.Requested, context.Requested * limit.Figure, limit.Bound, context.Account.Currency, context.Policy.RiskPerTradePercent),
            LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
