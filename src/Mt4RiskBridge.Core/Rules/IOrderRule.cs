namespace Mt4RiskBridge.Core;

/// <summary>One risk rule: the largest order it allows, and in words why, when that is below the request.</summary>
internal interface IOrderRule
{
    RuleLimit Evaluate(OrderContext context);

    Reason Explain(OrderContext context, RuleLimit limit);
}
