namespace Mt4RiskBridge.Core;

/// <summary>Net notional of every open position plus the order, in the account currency, ÷ equity may not exceed the limit.</summary>
internal sealed class EffectiveLeverageRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var max = context.Policy.MaxEffectiveLeverage;
        if (max <= 0m) return RuleLimit.None;
        var reducible = context.Reducible;
        var slack = max * context.Equity - context.NotionalAfter(reducible);
        return new RuleLimit(LotSize.LinearLimit(reducible, slack, context.Basis.NotionalPerLot(context.Order.Side)), Bound: max);
    }

    public Reason Explain(OrderContext context, RuleLimit limit)
    {
        var after = context.Equity > 0m ? context.NotionalAfter(context.Requested) / context.Equity : 0m;
        return new Reason(ReasonCode.EffectiveLeverage, ReasonText.EffectiveLeverage(context.Requested, after, limit.Bound), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
    }
}
