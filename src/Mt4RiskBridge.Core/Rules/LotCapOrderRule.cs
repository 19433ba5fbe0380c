namespace Mt4RiskBridge.Core;

/// <summary>An order may not exceed the per-order lot cap (symbol, then class, then global).</summary>
internal sealed class LotCapOrderRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var cap = context.Policy.LotCaps.Resolve(context.Spec.Name, context.Spec.Class).MaxLotsPerOrder ?? 0m;
        return cap > 0m ? new RuleLimit(Math.Max(context.Reducible, cap), Bound: cap) : RuleLimit.None;
    }

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.LotCapOrder, ReasonText.LotCapOrder(context.Requested, limit.Bound), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
