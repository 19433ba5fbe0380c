namespace Mt4RiskBridge.Core.Tests;

using static Market;

/// <summary>A higher-margin window prices new positions only; what is already open keeps its margin.</summary>
public sealed class WindowMarginTests
{
    private static readonly LeverageWindow Weekend = new(ReasonCode.WeekendWindow, Leverage.Of(50));

    private static Decision Evaluate(OrderRequest order)
    {
        // 1 lot EURUSD long at 1:500: 110,000 / 500 = 220 of margin in use.
        var account = Account(10_000m, Leverage.Of(500), margin: 220m, positions: new Position(1, "EURUSD", Side.Buy, 1m, 1.1000m));
        return new RiskEngine(FlatPolicy(200m)).Evaluate(Check(order, account) with { Windows = [Weekend] });
    }

    [Fact]
    public void AddingToAnOpenPosition_ChargesOnlyTheNewLotsAtTheWindowLeverage()
    {
        // 10,000 / (220 + 2,200 × L) >= 2  ->  L <= 2.17 (re-pricing the open lot at 1:50 too would allow only 1.27).
        var decision = Evaluate(new OrderRequest("EURUSD", Side.Buy, 5m));

        Assert.Equal((Verdict.Resize, 2.17m), (decision.Verdict, decision.Lots));
        Assert.Equal(200.24m, Math.Round(decision.MarginLevelAfter.Percent, 2));
        Assert.Equal(Leverage.Of(50), decision.Leverage);
        Assert.Equal("the weekend window caps new positions at 1:50; judged at that leverage, 2.17 lots allowed", decision.Reasons[0].Message);
    }

    [Fact]
    public void AWindowAboveTheLeverageInForce_SaysItDidNotSetIt()
    {
        // At 1:30 the 1:50 window caps nothing: 1 lot open costs 3,666.67, 0.1 more 366.67, 10,000 / 4,033.33 = 247.93%.
        var account = Account(10_000m, Leverage.Of(30), margin: 3_666.67m, positions: new Position(1, "EURUSD", Side.Buy, 1m, 1.1000m));
        var decision = new RiskEngine(FlatPolicy(200m)).Evaluate(Check(new OrderRequest("EURUSD", Side.Buy, 0.1m), account) with { Windows = [Weekend] });

        Assert.Equal((Verdict.Approve, 0.1m), (decision.Verdict, decision.Lots));
        Assert.Equal(Leverage.Of(30), decision.Leverage);
        Assert.Equal("the weekend window caps new positions at 1:50; the leverage in force, 1:30, is already lower, 0.1 lots allowed", decision.Reasons[0].Message);
    }

    [Fact]
    public void HedgingPartOfAnOpenPosition_IsPricedAtTheOpenLeverageNotTheWindows()
    {
        // Selling 0.5 against the long lot: 0.5 unhedged (110) plus the hedged pair at half margin a side (110),
        // all at 1:500: 220, so 10,000 / 220 = 4,545.45%. At the window's 1:50 the pair alone would cost 1,100.
        var decision = Evaluate(new OrderRequest("EURUSD", Side.Sell, 0.5m));

        Assert.Equal((Verdict.Approve, 0.5m), (decision.Verdict, decision.Lots));
        Assert.Equal(4545.45m, Math.Round(decision.MarginLevelAfter.Percent, 2));
    }
}
