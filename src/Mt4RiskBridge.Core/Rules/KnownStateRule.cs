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

    /// <summary>What is not known, in words ("trading state and server time"), or null when everything is.</summary>
    private static string? Unknown(OrderContext context)
    {
        var check = context.Check;
        var positions = !check.Account.PositionsKnown;
        var state = check.TradingState is null;
        var time = check.ServerTime is null;
        if (!positions && !state && !time) return null;
        string?[] parts = [positions ? "open positions" : null, state ? "trading state" : null, time ? "server time" : null];
        var named = parts.Where(p => p is not null).ToArray();
        return named.Length == 1 ? named[0] : string.Join(", ", named[..^1]) + " and " + named[^1];
    }
}
