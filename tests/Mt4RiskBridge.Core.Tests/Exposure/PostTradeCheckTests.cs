using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class PostTradeCheckTests
{
    private static readonly RiskEngine Engine = new(Market.FlatPolicy(200m));

    private static PostTradeResult Check(Position position, decimal equity, decimal margin, EnforcementMode mode, params Position[] others)
    {
        var account = Market.Account(equity, Leverage.Of(100), margin, positions: [.. others, position]);
        return PostTradeCheck.Evaluate(position, account, Market.Standard, Market.StandardQuotes, Engine, Market.Now, new EnforcementSettings { Mode = mode });
    }

    [Fact]
    public void Evaluate_PositionBelowTheFloor_IsAViolationWithLotsToClose()
    {
        // 2 lots EURUSD at 1:100 = 2,200 margin on 1,000 equity: 45.45%; the 200% floor allows 0.45 lots.
        var position = new Position(77, "EURUSD", Side.Buy, 2m, 1.1m);
        var result = Check(position, 1_000m, 2_200m, EnforcementMode.Reduce);
        var violation = Assert.Single(result.Violations);
        Assert.Equal(ReasonCode.MarginFloor, violation.Rule);
        Assert.Equal(77, violation.Ticket);
        Assert.Equal(0.45m, violation.MaxLots);
        Assert.Equal(1.55m, result.ExcessLots);
        Assert.Equal(new CloseInstruction(77, 1.55m), result.Instruction);
        Assert.Equal("close", result.Instruction!.Action);
        Assert.Equal(AlertCode.PostTradeViolation, result.Alert!.Code);
        Assert.Equal(
            "position #77 EURUSD buy 2 lots breaks margin_floor (2 lots would take the margin level to 45.45%, below the 200% floor); closing 1.55 lots",
            result.Alert.Message);
    }

    [Fact]
    public void Evaluate_PositionFillingTheServicesOwnResize_IsNotJudgedAgain()
    {
        // 100,000 USD at 1:100, USDJPY 150.000/150.020: each lot costs 1,000 of margin and 13.334 of spread, so
        // the 200% floor allows 100,000 ÷ 2,013.334 = 49.66 lots.
        var quotes = Market.Quotes(Market.Quote("USDJPY", 150.000m, 150.020m));
        var before = Market.Account(100_000m, Leverage.Of(100));
        var decision = Engine.Evaluate(Market.Check(new OrderRequest("USDJPY", Side.Buy, 60m), before, quotes: quotes));
        Assert.Equal((Verdict.Resize, 49.66m), (decision.Verdict, decision.Lots));

        // Filled a point worse than the ask; the account report already carries the spread paid.
        var position = new Position(5, "USDJPY", Side.Buy, 49.66m, 150.021m, Profit: -662.17m);
        var after = Market.Account(100_000m - 662.17m, Leverage.Of(100), 49_660m, positions: position);
        var approval = new ApprovedOrder("USDJPY", Side.Buy, decision.Lots, 150.000m, 150.020m);
        var settings = new EnforcementSettings { Mode = EnforcementMode.Reduce };

        var own = PostTradeCheck.Evaluate(position, after, Market.Standard, quotes, Engine, Market.Now, settings, approved: [approval]);
        Assert.False(own.IsViolation);
        Assert.Null(own.Alert);
        Assert.Equal(approval, own.Covered);

        // Judged afresh, the spread would be charged a second time: 198.67%, below the floor.
        var afresh = PostTradeCheck.Evaluate(position, after, Market.Standard, quotes, Engine, Market.Now, settings);
        Assert.Equal(ReasonCode.MarginFloor, Assert.Single(afresh.Violations).Rule);
    }

    [Theory]
    [InlineData("USDJPY", "buy", "49.66", "150.021", true)]
    [InlineData("USDJPY", "buy", "49.67", "150.020", false)] // more lots than decided
    [InlineData("USDJPY", "sell", "1", "150.000", false)] // the other side
    [InlineData("USDJPY", "buy", "1", "150.041", false)] // further than a spread from the quote
    [InlineData("EURUSD", "buy", "1", "150.020", false)]
    public void ApprovedOrder_Covers_OnlyItsOwnFill(string symbol, string side, string lots, string price, bool covered)
    {
        var approval = new ApprovedOrder("USDJPY", Side.Buy, 49.66m, 150.000m, 150.020m);
        var position = new Position(1, symbol, side == "buy" ? Side.Buy : Side.Sell, decimal.Parse(lots, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(covered, approval.Covers(position));
    }

    [Fact]
    public void Evaluate_WarnMode_SendsNoInstruction()
    {
        var result = Check(new Position(77, "EURUSD", Side.Buy, 2m, 1.1m), 1_000m, 2_200m, EnforcementMode.Warn);
        Assert.True(result.IsViolation);
        Assert.Null(result.Instruction);
    }

    [Fact]
    public void Evaluate_WithinEveryRule_IsClean()
    {
        var result = Check(new Position(78, "EURUSD", Side.Buy, 0.1m, 1.1m), 1_000m, 110m, EnforcementMode.Reduce);
        Assert.False(result.IsViolation);
        Assert.Null(result.Alert);
    }

    [Fact]
    public void Evaluate_OtherPositionsCount_ButTheNewOneIsNotChargedTwice()
    {
        // 0.3 lots already held (330 margin) plus 0.15 new (165): 1,000 ÷ 495 = 202%, inside the floor.
        var held = new Position(1, "EURUSD", Side.Buy, 0.3m, 1.1m);
        var result = Check(new Position(2, "EURUSD", Side.Buy, 0.15m, 1.1m), 1_000m, 495m, EnforcementMode.Reduce, held);
        Assert.False(result.IsViolation);
        var over = Check(new Position(2, "EURUSD", Side.Buy, 0.2m, 1.1m), 1_000m, 550m, EnforcementMode.Reduce, held);
        Assert.Equal(0.05m, over.ExcessLots);
    }

    [Fact]
    public void Evaluate_UnknownSymbol_IsUncheckedNotAViolation()
    {
        var result = Check(new Position(79, "FOOBAR", Side.Buy, 1m, 1m), 1_000m, 0m, EnforcementMode.Reduce);
        Assert.False(result.IsViolation);
        Assert.Equal(ReasonCode.UnknownSymbol, result.Unchecked!.Code);
    }
}
