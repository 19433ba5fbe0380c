namespace Mt4RiskBridge.Core;

/// <summary>Open lots plus the order may not exceed the total cap of the account, the order's class or its symbol.</summary>
internal sealed class LotCapTotalRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var best = RuleLimit.None;
        for (var scope = 0; scope < CapScope.Count; scope++)
        {
            var caps = CapScope.Caps(context, scope);
            var cap = caps?.MaxLotsTotal ?? 0m;
            if (cap <= 0m) continue;
            var (open, _) = CapScope.Open(context, scope);
            var limit = Math.Max(context.Reducible, cap - open);
            if (limit < best.MaxLots) best = new RuleLimit(limit, open, cap, scope);
        }
        return best;
    }

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.LotCapTotal, ReasonText.LotCapTotal(CapScope.Describe(context, limit.Index), limit.Figure, limit.Bound), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
