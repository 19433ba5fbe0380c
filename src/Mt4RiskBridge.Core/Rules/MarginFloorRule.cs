namespace Mt4RiskBridge.Core;

/// <summary>
/// After the order, at the current tier, (equity − spread paid) ÷ used margin × 100 must stay at or above the
/// floor. Solved in closed form: beyond the reducing lots, each lot costs its spread plus floor × its margin.
/// </summary>
internal sealed class MarginFloorRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var floor = context.Floor;
        if (floor <= 0m) return RuleLimit.None;
        var reducible = context.Reducible;
        var slack = context.Equity - context.SpreadCostPerLot * reducible - floor * context.MarginNowAfter(reducible);
        var cost = context.SpreadCostPerLot + floor * context.PerLotAt(context.TierIndex);
        return new RuleLimit(LotSize.LinearLimit(reducible, slack, cost));
    }

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.MarginFloor,
            ReasonText.MarginFloor(context.Requested, context.MarginLevelNowAfter(context.Requested), context.Policy.MarginLevelFloorPercent),
            LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
