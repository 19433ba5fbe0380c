namespace Mt4RiskBridge.Core.Tests.Sizing;

/// <summary>
/// Sizing from the stop: the risk lots from the stop distance and tick value, then the one decision at that size.
/// EURUSD ticks are 0.00001 worth 1 USD per lot; USDJPY ticks 0.001 worth 0.6667 USD per lot.
/// </summary>
public sealed class PositionSizerTests
{
    private static SizeDecision Size(RiskPolicy policy, AccountState account, OrderRequest order, decimal riskPercent, IQuoteBook? quotes = null) =>
        new PositionSizer(new RiskEngine(policy)).Size(Market.Check(order, account, quotes: quotes), riskPercent);

    private static OrderRequest Buy(string symbol, decimal stop) => new(symbol, Side.Buy, 0m, StopLoss: stop);

    [Fact]
    public void RiskBinds_LotsAreTheBudgetOverTheLossPerLot()
    {
        // Buy at 1.1000 with the stop at 1.0950: 0.0050 ÷ 0.00001 × 1 = 500 USD per lot. 1% of 10,000 = 100 USD → 0.20 lots,
        // which every rule allows at 1:500 (44 USD of margin).
        var size = Size(Market.FlatPolicy(), Market.Account(10_000m), Buy("EURUSD", 1.0950m), 1m);

        Assert.Equal((0.20m, 0.20m, 500m, 100m), (size.Lots, size.RiskLots, size.LossPerLot, size.Budget));
        Assert.Equal(Verdict.Approve, size.Decision.Verdict);
        Assert.Equal(0.20m, size.Decision.Lots);
        Assert.Empty(size.Decision.Reasons);
    }

    [Fact]
    public void Sell_IsSizedFromTheBidThroughTheTickValue()
    {
        // Sell USDJPY at the bid 149.980 (ask 150.020) with the stop at 151.000: 1.020 ÷ 0.001 × 0.6667 = 680.034 USD per lot.
        // 2% of 10,000 = 200 USD → 0.2941 → 0.29 lots.
        var quotes = Market.Quotes(Market.Quote("EURUSD", 1.1000m), Market.Quote("USDJPY", 149.980m, 150.020m));
        var size = Size(Market.FlatPolicy(), Market.Account(10_000m), new OrderRequest("USDJPY", Side.Sell, 0m, StopLoss: 151.000m), 2m, quotes);

        Assert.Equal(680.034m, size.LossPerLot);
        Assert.Equal((0.29m, 0.29m), (size.Lots, size.RiskLots));
        Assert.Equal(Verdict.Approve, size.Decision.Verdict);
    }

    [Fact]
    public void MarginFloorBinds_TheAnswerIsTheDecisionsResize()
    {
        // 10 pips of stop: 100 USD per lot; 5% of 1,000 = 50 USD → 0.50 risk lots. At 1:30 one lot needs 110,000 ÷ 30 =
        // 3,666.67 USD, and the 200% floor allows 1,000 ÷ (2 × 3,666.67) = 0.136 → 0.13.
        var size = Size(Market.FlatPolicy(), Market.Account(1_000m, Leverage.Of(30)), Buy("EURUSD", 1.0990m), 5m);

        Assert.Equal((0.13m, 0.50m), (size.Lots, size.RiskLots));
        Assert.Equal(Verdict.Resize, size.Decision.Verdict);
        Assert.Equal(0.50m, size.Decision.RequestedLots);
        Assert.Equal(ReasonCode.MarginFloor, Assert.Single(size.Decision.Reasons).Code);
    }

    [Fact]
    public void PolicyRiskPerTradeBelowTheRequest_Binds()
    {
        // 3% of 10,000 = 300 USD → 0.60 lots asked; the policy's own 1% allows 100 ÷ 500 = 0.20.
        var size = Size(Market.FlatPolicy() with { RiskPerTradePercent = 1m }, Market.Account(10_000m), Buy("EURUSD", 1.0950m), 3m);

        Assert.Equal((0.20m, 0.60m), (size.Lots, size.RiskLots));
        var reason = Assert.Single(size.Decision.Reasons);
        Assert.Equal(ReasonCode.RiskPerTrade, reason.Code);
    }

    [Fact]
    public void BudgetBelowTheMinimumLot_IsRefusedForTheRisk()
    {
        // 1% of 100 = 1 USD; 500 USD per lot allows 0.002 lots, below the 0.01 minimum, which would lose 5 USD.
        var size = Size(Market.FlatPolicy(), Market.Account(100m), Buy("EURUSD", 1.0950m), 1m);

        Assert.Equal((0m, 0m), (size.Lots, size.RiskLots));
        Assert.Equal(Verdict.Reject, size.Decision.Verdict);
        Assert.Equal(0m, size.Decision.Lots);
        var reason = size.Decision.Reasons[0];
        Assert.Equal(ReasonCode.RiskPerTrade, reason.Code);
        Assert.Equal("0.01 lots would lose 5.00 USD at the stop, more than 1% of equity (1.00 USD)", reason.Message);
    }

    [Fact]
    public void GateClosed_IsTheDecisionsReject()
    {
        var engine = new RiskEngine(Market.FlatPolicy());
        var check = Market.Check(Buy("EURUSD", 1.0950m), Market.Account(10_000m)) with { TradingState = TradingState.Halted };

        var size = new PositionSizer(engine).Size(check, 1m);

        Assert.Equal((0m, 0.20m), (size.Lots, size.RiskLots));
        Assert.Equal(Verdict.Reject, size.Decision.Verdict);
        Assert.Equal(ReasonCode.TradingHalted, size.Decision.Reasons[0].Code);
    }

    [Theory]
    [InlineData("EURUSD", 0, 1, "invalid_order", "a size is worked out from the stop loss, and the request has none")]
    [InlineData("EURUSD", 1.0950, 0, "invalid_order", "the risk must be more than 0% and at most 100% of equity, got 0%")]
    [InlineData("EURUSD", 1.0950, 101, "invalid_order", "the risk must be more than 0% and at most 100% of equity, got 101%")]
    // A buy's stop above the ask.
    [InlineData("EURUSD", 1.1050, 1, "invalid_order", null)]
    [InlineData("AUDUSD", 0.6500, 1, "unknown_symbol", null)]
    public void UnusableRequest_IsRefusedWithTheReason(string symbol, double stop, double percent, string code, string? message)
    {
        var size = Size(Market.FlatPolicy(), Market.Account(10_000m), Buy(symbol, (decimal)stop), (decimal)percent);

        Assert.Equal(0m, size.Lots);
        Assert.Equal(Verdict.Reject, size.Decision.Verdict);
        var reason = size.Decision.Reasons[0];
        Assert.Equal(code, reason.Code);
        if (message is not null) Assert.Equal(message, reason.Message);
    }
}
