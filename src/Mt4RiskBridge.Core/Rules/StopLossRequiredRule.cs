namespace Mt4RiskBridge.Core;

/// <summary>When a stop loss is required, an order without one may only reduce exposure.</summary>
internal sealed class StopLossRequiredRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context) =>
        context.Policy.RequireStopLoss && !context.Order.HasStopLoss
            ? new RuleLimit(context.Reducible)
            : RuleLimit.None;

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.NoStopLoss, ReasonText.NoStopLoss(), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
