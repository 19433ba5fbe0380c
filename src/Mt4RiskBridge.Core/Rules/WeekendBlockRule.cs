namespace Mt4RiskBridge.Core;

/// <summary>
/// A gate, optional: in the last <see cref="OrderCheck.BlockNewPositionsMinutes"/> before the symbol's market
/// closes, new exposure is refused (<c>weekend_block</c>). Lots that only reduce the symbol's net exposure pass.
/// </summary>
internal sealed class WeekendBlockRule : IOrderRule
{
    public RuleLimit Evaluate(OrderContext context) =>
        Close(context) is null ? RuleLimit.None : new RuleLimit(context.Reducible);

    public Reason Explain(OrderContext context, RuleLimit limit) =>
        new(ReasonCode.WeekendBlock,
            ReasonText.WeekendBlock(context.Spec.Name, context.Check.BlockNewPositionsMinutes, Close(context)!.Value),
            LotSize.FloorToStep(limit.MaxLots, context.Spec.LotStep));

    /// <summary>The market close the order falls before, when it is within the block.</summary>
    private static DateTime? Close(OrderContext context)
    {
        var check = context.Check;
        var minutes = check.BlockNewPositionsMinutes;
        if (minutes <= 0 || check.Calendar is not { } calendar || check.ServerTime is not { } now) return null;
        // The closure under way or next: none, or under way (the market is shut), means nothing to block.
        if (calendar.ClosureAtOrAfter(context.Spec.Class, now) is not { } closure || closure.Contains(now)) return null;
        return closure.Start - now <= TimeSpan.FromMinutes(minutes) ? closure.Start : null;
    }
}
