namespace Mt4RiskBridge.Core;

/// <summary>Open lots on the symbol (both sides) plus the order may not exceed the per-symbol cap.</summary>
internal sealed class LotCapSymbolRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context)
    {
        var cap = context.Policy.LotCaps.Resolve(context.Spec.Name, context.Spec.Class).MaxLotsPerSymbol ?? 0m;
        if (cap <= 0m) return RuleLimit.None;
        var open = context.Exposure.GrossLots;
        return new RuleLimit(Math.Max(context.Reducible, cap - open), open, cap);
    }

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.LotCapSymbol, ReasonText.LotCapSymbol(context.Spec.Name, limit.Figure, limit.Bound), LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));
}
