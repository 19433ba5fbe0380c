namespace Mt4RiskBridge.Core;

/// <summary>
/// Net notional of every open position plus the order, in the account currency, ÷ equity may not exceed the limit:
/// the lower of <see cref="RiskPolicy.MaxEffectiveLeverage"/> and the experience profile's ceiling, either 0 when off.
/// </summary>
internal sealed class EffectiveLeverageRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var max = Limit(context.Policy, out _);
        if (max <= 0m) return RuleLimit.None;
        var reducible = context.Reducible;
        var slack = max * context.Equity - context.NotionalAfter(reducible);
        return new RuleLimit(LotSize.LinearLimit(reducible, slack, context.Basis.NotionalPerLot(context.Order.Side)), Bound: max);
    }

    public Reason Explain(OrderContext context, RuleLimit limit)
    {
        var after = context.Equity > 0m ? context.NotionalAfter(context.Requested) / context.Equity : 0m;
        Limit(context.Policy, out var byProfile);
        var text = byProfile
            ? ReasonText.EffectiveLeverageProfile(context.Requested, after, limit.Bound, context.Policy.ExperienceProfile)
            : ReasonText.EffectiveLeverage(context.Requested, after, limit.Bound);
        return new Reason(ReasonCode.EffectiveLeverage, text, LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
    }

    /// <summary>The limit in force, 0 when off; <paramref name="byProfile"/> when it is the profile's ceiling (it wins a tie, being named).</summary>
    private static decimal Limit(RiskPolicy policy, out bool byProfile)
    {
        var set = policy.MaxEffectiveLeverage;
        var profile = ExperienceProfiles.MaxEffectiveLeverage(policy.ExperienceProfile);
        byProfile = profile > 0m && (set <= 0m || profile <= set);
        return byProfile ? profile : set;
    }
}
