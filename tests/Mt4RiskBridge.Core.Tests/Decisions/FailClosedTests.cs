using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>
/// The decision refuses to approve on state it does not know or cannot trust: unknown trading state, server time or
/// positions; a look-alike conversion symbol or a stale conversion quote; a reported margin the positions contradict;
/// a contract outside sane ranges.
/// </summary>
public sealed class FailClosedTests
{
    private static readonly OrderRequest Buy = new("EURUSD", Side.Buy, 0.1m);

    public static TheoryData<string, TradingState?, bool, bool> UnknownFacts => new()
    {
        { "trading state", null, true, true },
        { "server time", TradingState.Active, false, true },
        { "open positions", TradingState.Active, true, false },
    };

    [Theory]
    [MemberData(nameof(UnknownFacts))]
    public void Evaluate_UnknownFact_RejectsOpeningOrderSayingWhatIsUnknown(string what, TradingState? state, bool timeKnown, bool positionsKnown)
    {
        var check = Market.Check(Buy, Market.Account(10_000m) with { PositionsKnown = positionsKnown }) with
        {
            TradingState = state,
            ServerTime = timeKnown ? Market.ServerNow : null,
        };

        var decision = new RiskEngine(Market.FlatPolicy()).Evaluate(check);

        Assert.Equal((Verdict.Reject, 0m), (decision.Verdict, decision.Lots));
        Assert.Equal(ReasonCode.UnknownState, decision.Reasons[0].Code);
        Assert.Equal($"the account's {what} is not known (no account, positions or server time reported yet); only orders that reduce exposure are approved", decision.Reasons[0].Message);
    }

    [Fact]
    public void Evaluate_UnknownServerTime_StillLetsReducingLotsThrough()
    {
        var account = Market.Account(10_000m, positions: new Position(1, "EURUSD", Side.Buy, 1m, 1.1m));
        var check = Market.Check(new OrderRequest("EURUSD", Side.Sell, 1.5m), account) with { ServerTime = null };

        var decision = new RiskEngine(Market.FlatPolicy()).Evaluate(check);

        Assert.Equal((Verdict.Resize, 1m), (decision.Verdict, decision.Lots));
        Assert.Equal([ReasonCode.UnknownState], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Evaluate_TwoLetterLookAlikePair_PricesEurUsdFromItsOwnQuote()
    {
        // "EU" streams EUR/USD at a hundredth of a cent: used as the conversion, 100 lots would cost nothing.
        var lookAlike = Market.Forex("EU", "EUR", "USD") with { Point = 0.0001m, TickSize = 0.0001m };
        var catalog = Market.Catalog(lookAlike, Market.EurUsd);
        var quotes = Market.Quotes(Market.Quote("EU", 0.0001m), Market.Quote("EURUSD", 1.1000m));

        var decision = Market.Evaluate(Market.FlatPolicy(), new OrderRequest("EURUSD", Side.Buy, 100m), Market.Account(10_000m), catalog, quotes);

        // 10,000 ÷ 200% = 5,000 of margin at 1:500 buys 5,000 × 500 ÷ 110,000 = 22.72 lots.
        Assert.Equal((Verdict.Resize, 22.72m), (decision.Verdict, decision.Lots));
        Assert.Equal(ReasonCode.MarginFloor, decision.Reasons[0].Code);
    }

    [Fact]
    public void Catalog_ConversionPairs_AreNamedForTheirCurrencies()
    {
        var catalog = Market.Catalog(
            Market.Forex("EU", "EUR", "USD"), Market.Forex("EURUSD.pro", "EUR", "USD"), Market.Forex("EURUSDm", "EUR", "USD"),
            Market.Forex("FIBER", "EUR", "USD"), Market.Forex("GBPUSD", "GBP", "USD"));

        Assert.True(catalog.TryFindPair("EUR", "USD", out var eurusd));
        Assert.Equal("EURUSDm", eurusd);
        Assert.False(catalog.TryFindPair("USD", "EUR", out _));
        Assert.False(SymbolCatalog.IsConversionPair(Market.Forex("FIBER", "EUR", "USD")));
    }

    [Fact]
    public void Catalog_PairLookUp_IgnoresCaseAndFindsNoOtherCodes()
    {
        var catalog = Market.Catalog(Market.Forex("eurusd", "eur", "usd"), Market.Forex("GBPUSD", "GBP", "USD"));

        Assert.True(catalog.TryFindPair("EUR", "usd", out var eurusd));
        Assert.Equal("eurusd", eurusd);
        Assert.True(catalog.TryFindPair("gbp", "USD", out var gbpusd));
        Assert.Equal("GBPUSD", gbpusd);
        Assert.False(catalog.TryFindPair("EU", "RUSD", out _));
        Assert.False(catalog.TryFindPair("GBPU", "SD", out _));
        Assert.False(catalog.TryFindPair("GBP", "ÙSD", out _));
    }

    [Fact]
    public void Evaluate_StaleConversionQuote_RejectsAsStaleNamingIt()
    {
        // EURGBP on a USD account converts its EUR margin through EURUSD, whose quote is 3 s old under a 2 s limit.
        var quotes = Market.Quotes(
            Market.Quote("EURGBP", 0.8800m), Market.Quote("GBPUSD", 1.2500m), Market.Quote("EURUSD", 1.1000m, at: Market.Now.AddSeconds(-3)));
        var check = Market.Check(new OrderRequest("EURGBP", Side.Buy, 1m), Market.Account(10_000m), Market.Standard, quotes) with
        {
            StaleAfter = TimeSpan.FromSeconds(2),
        };

        var decision = new RiskEngine(Market.FlatPolicy()).Evaluate(check);

        Assert.Equal(Verdict.Reject, decision.Verdict);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.StaleState, reason.Code);
        Assert.Equal("the EURUSD quote is 3 s old, older than the 2 s limit", reason.Message);
    }

    [Fact]
    public void Evaluate_ReportedMarginZeroWithPositionsNeedingMargin_JudgesByThePositions()
    {
        // 100 lots of EURUSD at 1.1000 and 1:100 need 110,000; the terminal claims 0. Judged on 0, 10 more lots
        // would leave a 909% margin level; judged on the positions, the level is already under the 200% floor.
        var account = Market.Account(100_000m, Leverage.Of(100), margin: 0m, positions: new Position(1, "EURUSD", Side.Buy, 100m, 1.1m));

        var decision = Market.Evaluate(Market.FlatPolicy(), new OrderRequest("EURUSD", Side.Buy, 10m), account);

        Assert.Equal((Verdict.Reject, 0m), (decision.Verdict, decision.Lots));
        Assert.Equal(ReasonCode.MarginFloor, decision.Reasons[0].Code);
        Assert.Equal("10 lots would take the margin level to 82.64%, below the 200% floor", decision.Reasons[0].Message);
    }

    [Fact]
    public void Evaluate_ReportedMarginWithinTolerance_IsTheBrokersFigure()
    {
        // The model charges 11,000 for 10 lots; a report 4% lower stands, and the margin level is judged on it.
        var account = Market.Account(100_000m, Leverage.Of(100), margin: 10_560m, positions: new Position(1, "EURUSD", Side.Buy, 10m, 1.1m));

        var decision = Market.Evaluate(Market.FlatPolicy(), new OrderRequest("EURUSD", Side.Buy, 1m), account);

        Assert.Equal(Verdict.Approve, decision.Verdict);
        // (100,000) ÷ (10,560 + 1,100) = 857.63%.
        Assert.Equal(857.63m, Math.Round(decision.MarginLevelAfter.Percent, 2));
    }

    [Fact]
    public void Evaluate_FuturesWithoutInitialMargin_IsRefusedAsImplausible()
    {
        var futures = new SymbolSpec
        {
            Name = "ES", Digits = 2, Point = 0.25m, ContractSize = 50m, TickSize = 0.25m, TickValue = 12.5m,
            MinLot = 1m, MaxLot = 100_000m, LotStep = 1m, MarginCalcMode = MarginCalcMode.Futures, MarginInitial = 0m,
            BaseCurrency = "USD", ProfitCurrency = "USD", MarginCurrency = "USD", Class = InstrumentClass.Index,
        };

        var decision = Market.Evaluate(Market.FlatPolicy(), new OrderRequest("ES", Side.Buy, 100_000m), Market.Account(10_000m),
            Market.Catalog(futures), Market.Quotes(Market.Quote("ES", 5000m)));

        Assert.Equal((Verdict.Reject, 0m), (decision.Verdict, decision.Lots));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.InvalidOrder, reason.Code);
        Assert.Equal("the ES specification is implausible for calc mode Futures: a futures contract needs a positive initial margin or broker margin per lot, not 0", reason.Message);
    }

    [Theory]
    [InlineData(0, "0.01", "tick value 0 must be positive")]
    [InlineData(1, "0.01", "lots 0.01–2000000 must be positive, in order and at most 1000000")]
    [InlineData(2, "0.01", "contract size 0.5 is outside 1–100000000")]
    public void Evaluate_ContractOutsideRanges_IsRefused(int broken, string minLot, string problem)
    {
        var spec = Market.EurUsd with { MinLot = decimal.Parse(minLot, System.Globalization.CultureInfo.InvariantCulture) };
        spec = broken switch
        {
            0 => spec with { TickValue = 0m },
            1 => spec with { MaxLot = 2_000_000m },
            _ => spec with { ContractSize = 0.5m, MarginHedged = 0m },
        };

        var decision = Market.Evaluate(Market.FlatPolicy(), Buy, Market.Account(10_000m), Market.Catalog(spec));

        Assert.Equal(Verdict.Reject, decision.Verdict);
        Assert.Equal("the EURUSD specification is implausible for calc mode Forex: " + problem, Assert.Single(decision.Reasons).Message);
    }

    [Fact]
    public void Evaluate_OverABillionLots_ListsOnlyTheRulesThatBind()
    {
        var decision = Market.Evaluate(Market.FlatPolicy(0m), new OrderRequest("EURUSD", Side.Buy, 2_000_000_000m), Market.Account(10_000m));

        Assert.Equal((Verdict.Resize, 100m), (decision.Verdict, decision.Lots));
        Assert.Equal([ReasonCode.MaxLot], decision.Reasons.Select(r => r.Code));
    }
}
