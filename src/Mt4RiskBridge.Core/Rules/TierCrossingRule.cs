namespace Mt4RiskBridge.Core;

/// <summary>
/// For every tier boundary above current equity (boundaries in the tier currency, converted into the account
/// currency at the mid), the margin level with equity at that boundary and every
/// position charged at that tier's leverage must stay at or above the floor: a profit must not trigger a
/// stop-out. Only when a tier change re-prices open positions.
/// </summary>
internal sealed class TierCrossingRule : IOrderRule
{
    private static bool Applies(RiskPolicy policy) =>
        policy.TierAppliesTo == TierAppliesTo.AllPositions && policy.MarginLevelFloorPercent > 0m;

    public RuleLimit Evaluate(OrderContext context)
    {
        if (!Applies(context.Policy)) return RuleLimit.None;
        var floor = context.Floor;
        var tiers = context.Policy.Tiers.Tiers;
        var reducible = context.Reducible;
        var best = RuleLimit.None;
        for (var i = context.Policy.Tiers.FirstTierAbove(context.TierEquity); i < tiers.Length; i++)
        {
            var slack = context.BoundaryAt(i) - floor * context.MarginAtTierAfter(reducible, i);
            var cost = floor * context.PerLotAt(i);
            var limit = LotSize.LinearLimit(reducible, slack, cost);
            if (limit < best.MaxLots) best = new RuleLimit(limit, Index: i);
        }
        return best;
    }

    public Reason Explain(OrderContext context, RuleLimit limit)
    {
        var tier = context.Policy.Tiers.Tiers[limit.Index];
        var boundary = context.BoundaryAt(limit.Index);
        var after = MarginLevel.Of(boundary, context.MarginAtTierAfter(context.Requested, limit.Index));
        return new Reason(
            ReasonCode.TierCrossing,
            ReasonText.TierCrossing(boundary, context.Account.Currency, context.Basis.InForce(tier.Leverage), context.Requested, after, context.Policy.MarginLevelFloorPercent),
            LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
    }
}
