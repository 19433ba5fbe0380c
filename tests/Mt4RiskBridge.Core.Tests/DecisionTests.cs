using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class DecisionTests
{
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void TierCrossing_Equity900Buy50EurUsd_ResizesTo18_18()
    {
        var policy = new RiskPolicy { MarginLevelFloorPercent = 100m };
        var account = Market.Account(900m, Leverage.Unlimited);

        var decision = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, 50m), account);

        Assert.Equal(Verdict.Resize, decision.Verdict);
        Assert.Equal(18.18m, decision.Lots);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.TierCrossing, reason.Code);
        Assert.Equal(18.18m, reason.MaxLots);
        Assert.Equal("at 1,000.00 USD equity the leverage becomes 1:2000 and 50 lots would leave a margin level of 36.36%, below the 100% floor", reason.Message);
        Assert.True(decision.MarginLevelAfter.IsInfinite); // unlimited now: no margin yet
        Assert.True(decision.Leverage.IsUnlimited);
        Assert.Equal(0m, decision.Tier.MinEquity);
    }

    [Fact]
    public void TierCrossing_NewPositionsSetting_DoesNotReprice()
    {
        var policy = new RiskPolicy { MarginLevelFloorPercent = 100m, TierAppliesTo = TierAppliesTo.NewPositions };
        var decision = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, 50m), Market.Account(900m, Leverage.Unlimited));
        Assert.Equal(Verdict.Approve, decision.Verdict);
        Assert.Equal(50m, decision.Lots);
    }

    [Theory]
    // equity, floor, account leverage, lots requested, expected verdict, expected lots, binding code
    [InlineData("10000", "150", "100", "10", Verdict.Resize, "6.06", ReasonCode.MarginFloor)] // 10,000 / (6.0606 × 1,100) = 150%
    [InlineData("10000", "150", "100", "6.06", Verdict.Approve, "6.06", null)]
    [InlineData("10000", "150", "100", "6.07", Verdict.Resize, "6.06", ReasonCode.MarginFloor)]
    [InlineData("100", "200", "100", "1", Verdict.Reject, "0", ReasonCode.MarginFloor)] // 0.045 lots allowed, below 0.10 min
    [InlineData("10000", "200", "500", "0.10", Verdict.Approve, "0.10", null)] // 22 USD of margin
    public void MarginFloor_FlatTier_DecidesToTheLotStep(string equity, string floor, string leverage, string lots, Verdict verdict, string expectedLots, string? code)
    {
        var catalog = Market.Catalog(Market.EurUsd with { MinLot = 0.10m });
        var account = Market.Account(D(equity), Leverage.Of(D(leverage)));
        var decision = Market.Evaluate(Market.FlatPolicy(D(floor)), new OrderRequest("EURUSD", Side.Buy, D(lots)), account, catalog);

        Assert.Equal(verdict, decision.Verdict);
        Assert.Equal(D(expectedLots), decision.Lots);
        if (code is null) Assert.Empty(decision.Reasons);
        else Assert.Equal(code, decision.Reasons[0].Code);
        if (verdict == Verdict.Reject) Assert.Equal(ReasonCode.BelowMinLot, decision.Reasons[^1].Code);
    }

    [Fact]
    public void MarginFloor_Resize_ReportsLevelAfterAtApprovedLots()
    {
        var account = Market.Account(10_000m, Leverage.Of(100));
        var decision = Market.Evaluate(Market.FlatPolicy(150m), new OrderRequest("EURUSD", Side.Buy, 10m), account);
        Assert.Equal(6.06m, decision.Lots);
        Assert.Equal(150.02m, Math.Round(decision.MarginLevelAfter.Percent, 2)); // 10,000 / 6,666
        Assert.Equal("10 lots would take the margin level to 90.91%, below the 150% floor", decision.Reasons[0].Message);
    }

    [Fact]
    public void MarginFloor_SpreadIsPaidOnOpening()
    {
        // 2-pip spread: 20 USD per lot lost at once. (10,000 − 20x) / (1,100.2x) ≥ 1.5 → x ≤ 5.9869.
        var quotes = Market.Quotes(Market.Quote("EURUSD", 1.1000m, 1.1002m));
        var decision = Market.Evaluate(Market.FlatPolicy(150m), new OrderRequest("EURUSD", Side.Buy, 10m), Market.Account(10_000m, Leverage.Of(100)), Market.Catalog(Market.EurUsd), quotes);
        Assert.Equal(5.98m, decision.Lots);
    }

    [Fact]
    public void RiskPerTrade_OnePercentOf10000With50PipStop_Gives0_20()
    {
        var policy = RiskPolicy.Default with { RiskPerTradePercent = 1m, MarginLevelFloorPercent = 0m };
        var order = new OrderRequest("EURUSD", Side.Buy, 1m, StopLoss: 1.0950m);
        var decision = Market.Evaluate(policy, order, Market.Account(10_000m, Leverage.Of(500)));

        Assert.Equal(Verdict.Resize, decision.Verdict);
        Assert.Equal(0.20m, decision.Lots);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.RiskPerTrade, reason.Code);
        Assert.Equal("1 lots would lose 500.00 USD at the stop, more than 1% of equity (100.00 USD)", reason.Message);
    }

    [Fact]
    public void RequireStopLoss_NoStop_Rejects()
    {
        var policy = RiskPolicy.Default with { RequireStopLoss = true };
        var decision = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, 0.1m), Market.Account(10_000m));
        Assert.Equal(Verdict.Reject, decision.Verdict);
        Assert.Equal([ReasonCode.NoStopLoss, ReasonCode.BelowMinLot], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Hedge_AccountBelowFloor_IsStillApproved()
    {
        // Long 5 lots at 1:100 with 5,500 margin and 6,000 equity: 109%, under the 200% floor.
        var position = new Position(1, "EURUSD", Side.Buy, 5m, 1.1000m);
        var account = Market.Account(6_000m, Leverage.Of(100), margin: 5_500m, positions: position);
        var policy = Market.FlatPolicy(200m);

        var hedge = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Sell, 3m), account);
        Assert.Equal(Verdict.Approve, hedge.Verdict);
        Assert.Equal(3m, hedge.Lots);

        // Beyond the 5 lots that reduce exposure, nothing more is allowed.
        var flip = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Sell, 8m), account);
        Assert.Equal(Verdict.Resize, flip.Verdict);
        Assert.Equal(5m, flip.Lots);

        var more = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, 0.5m), account);
        Assert.Equal(Verdict.Reject, more.Verdict);
        Assert.Equal(ReasonCode.MarginFloor, more.Reasons[0].Code);
    }

    [Theory]
    [InlineData("2", "0", "0", "0", "5", Verdict.Resize, "2", ReasonCode.LotCapOrder)]
    [InlineData("0", "3", "0", "0", "5", Verdict.Resize, "2", ReasonCode.LotCapSymbol)] // 1 lot already on EURUSD
    [InlineData("0", "0", "2", "0", "5", Verdict.Resize, "0.5", ReasonCode.LotCapTotal)] // 1.5 lots open in all
    [InlineData("0", "0", "0", "2", "5", Verdict.Reject, "0", ReasonCode.MaxPositions)]
    [InlineData("0", "0", "0", "3", "5", Verdict.Approve, "5", null)]
    public void LotCaps_Global_EachCapBinds(string perOrder, string perSymbol, string total, string positions, string lots, Verdict verdict, string expected, string? code)
    {
        var caps = LotCapTable.Off with { Global = new LotCaps(D(perOrder), D(perSymbol), D(total), int.Parse(positions, CultureInfo.InvariantCulture)) };
        var policy = Market.FlatPolicy(0m) with { LotCaps = caps };
        var account = Market.Account(100_000m, Leverage.Of(500), positions:
        [
            new Position(1, "EURUSD", Side.Buy, 1m, 1.1m),
            new Position(2, "GBPUSD", Side.Sell, 0.5m, 1.25m),
        ]);
        var decision = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, D(lots)), account);
        Assert.Equal(verdict, decision.Verdict);
        Assert.Equal(D(expected), decision.Lots);
        if (code is null) Assert.Empty(decision.Reasons);
        else Assert.Equal(code, decision.Reasons[0].Code);
    }

    [Fact]
    public void LotCaps_SymbolOverridesClassOverridesGlobal()
    {
        var caps = new LotCapTable(
            new LotCaps(MaxLotsPerOrder: 10m),
            LotCapTable.Off.Symbols.Add("XAUUSD", new LotCaps(MaxLotsPerOrder: 0.5m)),
            LotCapTable.Off.Classes.Add(InstrumentClass.Metal, new LotCaps(MaxLotsPerOrder: 1m, MaxOpenPositions: 1)));
        var policy = Market.FlatPolicy(0m) with { LotCaps = caps };
        var account = Market.Account(100_000m, Leverage.Of(100), positions: new Position(1, "EURUSD", Side.Buy, 1m, 1.1m));

        Assert.Equal(0.5m, Market.Evaluate(policy, new OrderRequest("XAUUSD", Side.Buy, 3m), account).Lots);
        Assert.Equal(10m, Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, 30m), account).Lots);

        // The class's position count is counted within the class: one gold position fills it.
        var withGold = account with { Portfolio = Portfolio.From([.. account.Portfolio.Positions, new Position(2, "XAUUSD", Side.Buy, 0.1m, 2000m)]) };
        var decision = Market.Evaluate(policy, new OrderRequest("XAUUSD", Side.Buy, 0.1m), withGold);
        Assert.Equal(Verdict.Reject, decision.Verdict);
        Assert.Equal("class Metal has 1 positions open, the most allowed is 1", decision.Reasons[0].Message);
    }

    [Fact]
    public void EffectiveLeverage_CapsTotalNotional()
    {
        // 10x on 10,000 equity = 100,000 of notional; 55,000 already open → 45,000 ÷ 110,000 per lot = 0.409 → 0.40.
        var policy = Market.FlatPolicy(0m) with { MaxEffectiveLeverage = 10m };
        var account = Market.Account(10_000m, Leverage.Of(500), positions: new Position(1, "EURUSD", Side.Buy, 0.5m, 1.1m));
        var decision = Market.Evaluate(policy, new OrderRequest("EURUSD", Side.Buy, 2m), account);
        Assert.Equal(0.40m, decision.Lots);
        Assert.Equal(ReasonCode.EffectiveLeverage, decision.Reasons[0].Code);
        Assert.Equal("2 lots would raise effective leverage to 27.5x, above the 10x limit", decision.Reasons[0].Message);
    }

    [Theory]
    [InlineData("esma", "EURUSD", 30)]
    [InlineData("esma", "EURGBP", 30)]
    [InlineData("esma", "XAUUSD", 20)]
    [InlineData("esma", "BTCUSD", 2)]
    [InlineData("nfa", "EURUSD", 50)]
    [InlineData("fsa-japan", "GBPUSD", 25)]
    public void RegulatoryPreset_CapsLeverageInForce(string preset, string symbol, int expected)
    {
        var parsed = preset switch { "esma" => RegulatoryPreset.Esma, "nfa" => RegulatoryPreset.Nfa, _ => RegulatoryPreset.FsaJapan };
        var policy = Market.FlatPolicy(0m) with { RegulatoryPreset = parsed };
        var decision = Market.Evaluate(policy, new OrderRequest(symbol, Side.Buy, 0.01m), Market.Account(10_000m, Leverage.Of(500)));
        Assert.Equal(Leverage.Of(expected), decision.Leverage);
    }

    [Fact]
    public void LeverageWindow_CapsTheOrder()
    {
        var check = Market.Check(new OrderRequest("EURUSD", Side.Buy, 1m), Market.Account(10_000m, Leverage.Of(500))) with
        {
            Windows = [new LeverageWindow("weekend_window", Leverage.Of(200))],
        };
        var decision = new RiskEngine(Market.FlatPolicy()).Evaluate(check);
        Assert.Equal(Leverage.Of(200), decision.Leverage);
        Assert.Equal(1_818.18m, Math.Round(decision.MarginLevelAfter.Percent, 2)); // 10,000 / 550
    }

    [Theory]
    [InlineData("UNKNOWN", "1", null, ReasonCode.UnknownSymbol)]
    [InlineData("EURUSD", "0", null, ReasonCode.InvalidOrder)]
    [InlineData("EURUSD", "-1", null, ReasonCode.InvalidOrder)]
    [InlineData("EURUSD", "1", "1.2000", ReasonCode.InvalidOrder)] // buy stop above entry
    [InlineData("EURUSD", "0.005", null, ReasonCode.BelowMinLot)]
    public void BadOrders_RejectWithSpecificCode(string symbol, string lots, string? sl, string code)
    {
        var order = new OrderRequest(symbol, Side.Buy, D(lots), StopLoss: sl is null ? null : D(sl));
        var decision = Market.Evaluate(RiskPolicy.Default, order, Market.Account(10_000m));
        Assert.Equal(Verdict.Reject, decision.Verdict);
        Assert.Equal(0m, decision.Lots);
        Assert.Contains(decision.Reasons, r => r.Code == code);
    }

    [Fact]
    public void StaleAccount_Rejects()
    {
        var account = Market.Account(10_000m) with { ReceivedAt = Market.Now.AddSeconds(-11) };
        var decision = Market.Evaluate(RiskPolicy.Default, new OrderRequest("EURUSD", Side.Buy, 0.1m), account);
        Assert.Equal(ReasonCode.StaleState, Assert.Single(decision.Reasons).Code);
        Assert.Equal("account state is 11 s old, older than the 10 s limit", decision.Reasons[0].Message);
    }

    [Fact]
    public void StateDatedAfterNow_IsStale()
    {
        var account = Market.Account(10_000m) with { ReceivedAt = Market.Now.AddHours(1) };
        var decision = Market.Evaluate(RiskPolicy.Default, new OrderRequest("EURUSD", Side.Buy, 0.1m), account);
        Assert.Equal(ReasonCode.StaleState, Assert.Single(decision.Reasons).Code);
        Assert.Equal("account state is dated 3600 s after now: the clock went back since it arrived, so its age is unknown and it counts as stale", decision.Reasons[0].Message);

        var quotes = Market.Quotes(Market.Quote("EURUSD", 1.1m, at: Market.Now.AddSeconds(5)));
        var byQuote = Market.Evaluate(RiskPolicy.Default, new OrderRequest("EURUSD", Side.Buy, 0.1m), Market.Account(10_000m), Market.Catalog(Market.EurUsd), quotes);
        Assert.Equal(ReasonCode.StaleState, Assert.Single(byQuote.Reasons).Code);
    }

    [Fact]
    public void StaleOrMissingQuote_Rejects()
    {
        var stale = Market.Quotes(Market.Quote("EURUSD", 1.1m, at: Market.Now.AddSeconds(-30)));
        var decision = Market.Evaluate(RiskPolicy.Default, new OrderRequest("EURUSD", Side.Buy, 0.1m), Market.Account(10_000m), Market.Catalog(Market.EurUsd), stale);
        Assert.Equal(ReasonCode.StaleState, Assert.Single(decision.Reasons).Code);

        var none = Market.Evaluate(RiskPolicy.Default, new OrderRequest("EURUSD", Side.Buy, 0.1m), Market.Account(10_000m), Market.Catalog(Market.EurUsd), QuoteBook.Empty);
        Assert.Equal(ReasonCode.NoQuote, Assert.Single(none.Reasons).Code);
    }

    [Fact]
    public void MissingConversion_ForHeldSymbol_Rejects()
    {
        // GBPUSD is held on an EUR account, but neither EURGBP nor GBPEUR nor EURUSD is streamed.
        var catalog = Market.Catalog(Market.UsdJpy, Market.GbpUsd);
        var quotes = Market.Quotes(Market.Quote("USDJPY", 150m), Market.Quote("GBPUSD", 1.25m));
        var account = Market.Account(10_000m, Leverage.Of(100), currency: "USD", positions: new Position(1, "GBPUSD", Side.Buy, 1m, 1.25m)) with { Currency = "EUR" };
        // Tiers written in EUR, so that only the held symbol needs a conversion.
        var policy = RiskPolicy.Default with { TierCurrency = "EUR" };
        var decision = Market.Evaluate(policy, new OrderRequest("USDJPY", Side.Buy, 0.1m), account, catalog, quotes);
        Assert.Equal(Verdict.Reject, decision.Verdict);
        Assert.Equal(ReasonCode.NoConversion, decision.Reasons[0].Code);
        Assert.Equal("no conversion rate for USD→EUR", decision.Reasons[0].Message);
    }

    [Fact]
    public void PendingOrder_WithoutPrice_IsInvalid_WithPrice_UsesIt()
    {
        var noPrice = Market.Evaluate(RiskPolicy.Default, new OrderRequest("EURUSD", Side.Buy, 0.1m, OrderType.Limit), Market.Account(10_000m));
        Assert.Equal(ReasonCode.InvalidOrder, noPrice.Reasons[0].Code);

        var policy = RiskPolicy.Default with { RiskPerTradePercent = 1m };
        var limit = new OrderRequest("EURUSD", Side.Buy, 1m, OrderType.Limit, Price: 1.0900m, StopLoss: 1.0850m);
        Assert.Equal(0.20m, Market.Evaluate(policy, limit, Market.Account(10_000m)).Lots);
    }

    [Fact]
    public void RequestAboveMaxLotOrOffStep_IsResizedWithReason()
    {
        var decision = Market.Evaluate(Market.FlatPolicy(0m), new OrderRequest("XAUUSD", Side.Buy, 60m), Market.Account(10_000_000m));
        Assert.Equal(50m, decision.Lots);
        Assert.Equal(ReasonCode.MaxLot, Assert.Single(decision.Reasons).Code);

        var offStep = Market.Evaluate(Market.FlatPolicy(0m), new OrderRequest("EURUSD", Side.Buy, 0.123m), Market.Account(10_000m));
        Assert.Equal(Verdict.Resize, offStep.Verdict);
        Assert.Equal(0.12m, offStep.Lots);
        Assert.Equal(ReasonCode.LotStep, Assert.Single(offStep.Reasons).Code);
    }
}
