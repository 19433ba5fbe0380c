namespace Mt4RiskBridge.Core;

/// <summary>
/// The most lots a rule allows, with the figures behind it for the reason message: <see cref="Figure"/> is what
/// the rule measured and <see cref="Bound"/> the limit it held it to; <see cref="Index"/> picks a tier or scope.
/// </summary>
internal readonly record struct RuleLimit(decimal MaxLots, decimal Figure = 0m, decimal Bound = 0m, int Index = 0)
{
    public static RuleLimit None => new(LotSize.Unlimited);
}
