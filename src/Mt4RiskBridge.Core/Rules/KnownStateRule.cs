namespace Mt4RiskBridge.Core;

/// <summary>
/// A gate: an account whose trading state, broker server time or open positions the service does not know may
/// only reduce exposure. Without them the halts, loss limits and weekend rules cannot be applied, so an opening
/// order is never approved on trust (<c>unknown_state</c>). With positions unknown nothing counts as reducing.
/// </summary>
internal sealed class KnownStateRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context) =>
        Unknown(context) is null ? RuleLimit.None : new RuleLimit(context.Reducible);

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.UnknownState, ReasonText.UnknownState(Unknown(context)!), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));

    private static string? Unknown(OrderContext context)
    {
        var check = context.Check;
        if (!check.Account.PositionsKnown) return "open positions";
        if (check.TradingState is null) return "trading state";
        return check.ServerTime is null ? "server time" : null;
    }
}
