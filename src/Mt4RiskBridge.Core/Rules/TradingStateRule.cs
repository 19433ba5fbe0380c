namespace Mt4RiskBridge.Core;

/// <summary>
/// A gate: HALTED rejects every order (<c>trading_halted</c>); REDUCING lets through only the lots that reduce the
/// symbol's net exposure (<c>trading_reducing</c> names that many as the most allowed).
/// </summary>
internal sealed class TradingStateRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context) => context.Check.TradingState switch
    {
        TradingState.Halted => new RuleLimit(0m),
        TradingState.Reducing => new RuleLimit(context.Reducible),
        _ => RuleLimit.None,
    };

    public Reason Explain(OrderContext context, RuleLimit limit) => context.Check.TradingState == TradingState.Halted
        ? new Reason(ReasonCode.TradingHalted, ReasonText.TradingHalted(context.Check.TradingWhy), 0m)
        : new Reason(ReasonCode.TradingReducing, ReasonText.TradingReducing(context.Check.TradingWhy), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
