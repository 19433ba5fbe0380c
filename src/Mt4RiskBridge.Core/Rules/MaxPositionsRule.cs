namespace Mt4RiskBridge.Core;

/// <summary>No new position once the account, the order's class or its symbol holds its maximum count.</summary>
internal sealed class MaxPositionsRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        for (var scope = 0; scope < CapScope.Count; scope++)
        {
            var caps = CapScope.Caps(context, scope);
            var cap = caps?.MaxOpenPositions ?? 0;
            if (cap <= 0) continue;
            var (_, count) = CapScope.Open(context, scope);
            if (count >= cap) return new RuleLimit(context.Reducible, count, cap, scope);
        }
        return RuleLimit.None;
    }

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.MaxPositions, ReasonText.MaxPositions(CapScope.Describe(context, limit.Index), (int)limit.Figure, (int)limit.Bound), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
