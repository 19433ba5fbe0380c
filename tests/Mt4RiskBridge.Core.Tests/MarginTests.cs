using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class MarginTests
{
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static SymbolMarginBasis Basis(string symbol, string accountCurrency, Leverage accountLeverage, SymbolCatalog? catalog = null)
    {
        catalog ??= Market.Standard;
        Assert.True(catalog.TryGet(symbol, out var spec));
        var account = Market.Account(10_000m, accountLeverage, currency: accountCurrency);
        Assert.True(SymbolMarginBasis.TryCreate(spec, account, RiskPolicy.Default, catalog, Market.StandardQuotes, Leverage.Unlimited, out var basis, out var failure), failure?.Message);
        return basis;
    }

    [Theory]
    [InlineData("EURUSD", "USD", "500", "0.10", "22.00")] // 11,000 USD notional at 1:500
    [InlineData("EURUSD", "USD", "25", "0.10", "440.00")]
    [InlineData("USDJPY", "USD", "500", "1", "200.00")] // USD base: no conversion
    [InlineData("EURGBP", "USD", "100", "1", "1100.00")] // EUR→USD through EURUSD
    [InlineData("GBPUSD", "EUR", "100", "1", "1136.36")] // GBP→EUR through EURGBP inverted
    [InlineData("USDJPY", "EUR", "100", "1", "909.09")] // USD→EUR through EURUSD inverted
    [InlineData("CHFJPY", "EUR", "100", "1", "1010.10")] // CHF→USD→EUR: no CHF/EUR pair streamed
    [InlineData("XAUUSD", "USD", "100", "1", "2000.00")] // contract 100 oz at 2,000
    [InlineData("BTCUSD", "USD", "2000", "1", "150.00")] // crypto capped at 1:400
    [InlineData("EURUSD", "USD", "unlimited", "5", "0.00")]
    [InlineData("XAUUSD", "USD", "unlimited", "5", "0.00")]
    [InlineData("BTCUSD", "USD", "unlimited", "1", "150.00")] // crypto may not use unlimited
    public void Margin_BuyLots_MatchesMt4ToTheCent(string symbol, string currency, string leverage, string lots, string expected)
    {
        Assert.True(Leverage.TryParse(leverage, out var accountLeverage));
        var basis = Basis(symbol, currency, accountLeverage);
        var margin = basis.Margin(new SymbolExposure(symbol, D(lots), 0m, 1), Leverage.Unlimited);
        Assert.Equal(D(expected), Math.Round(margin, 2));
    }

    [Fact]
    public void Notional_EurUsdTenthLot_Is11000Usd()
    {
        var basis = Basis("EURUSD", "USD", Leverage.Of(500));
        Assert.Equal(11_000m, basis.Notional(new SymbolExposure("EURUSD", 0.10m, 0m, 1)));
    }

    [Theory]
    [InlineData("50000", "1", "1", "1100.00")] // each hedged side at half
    [InlineData("0", "1", "1", "0.00")] // a full hedge is free
    [InlineData("100000", "1", "1", "2200.00")] // charged in full on both sides
    [InlineData("50000", "2", "1", "2200.00")] // 1 unhedged lot + 1 hedged pair
    [InlineData("50000", "0.3", "0", "330.00")]
    public void Margin_HedgedEurUsd_ChargesHedgedShare(string marginHedged, string buy, string sell, string expected)
    {
        var spec = Market.EurUsd with { MarginHedged = D(marginHedged) };
        var catalog = Market.Catalog(spec);
        var basis = Basis("EURUSD", "USD", Leverage.Of(100), catalog);
        Assert.Equal(D(expected), Math.Round(basis.Margin(new SymbolExposure("EURUSD", D(buy), D(sell), 2), Leverage.Unlimited), 2));
    }

    [Theory]
    // name, profit currency, contract, tick size, tick value (account currency), price, broker per lot, expected per lot (USD)
    [InlineData("GER40", "EUR", "1", "0.01", "0.011", "18000", null, "19800.00")] // TickPrice 0.01 EUR ÷ 0.01: 18,000 EUR at 1.1000
    [InlineData("GER40", "EUR", "1", "0.5", "1.1", "18000", null, "39600.00")] // TickPrice 1 EUR ÷ 0.5 = 2
    [InlineData("US500", "USD", "10", "0.25", "2.5", "5000", null, "500000.00")] // 10 × 2.5 ÷ 0.25 = 100 per point, no conversion
    [InlineData("JP225", "JPY", "1", "5", "0.0666666666666666666666666667", "38000", null, "506.67")] // TickPrice 10 JPY ÷ 5 = 2; 76,000 JPY at 150
    [InlineData("US500", "USD", "1", "0.25", "0.25", "5000", "6000", "6000.00")] // the broker's figure is a floor
    public void Margin_CfdIndex_IsContractTimesPriceTimesTickPriceOverTickSize(
        string name, string profit, string contract, string tickSize, string tickValue, string price, string? broker, string expected)
    {
        var spec = new SymbolSpec
        {
            Name = name, Digits = 2, Point = 0.01m, ContractSize = D(contract), TickSize = D(tickSize), TickValue = D(tickValue),
            MinLot = 0.1m, MaxLot = 100m, LotStep = 0.1m, MarginCalcMode = MarginCalcMode.CfdIndex,
            BaseCurrency = profit, ProfitCurrency = profit, MarginCurrency = profit, Class = InstrumentClass.Index,
            MarginRequired = broker is null ? null : D(broker),
        };
        var catalog = Market.Catalog(spec, Market.EurUsd, Market.UsdJpy);
        var quotes = Market.Quotes(Market.Quote(name, D(price)), Market.Quote("EURUSD", 1.1000m), Market.Quote("USDJPY", 150.000m));

        Assert.True(SymbolMarginBasis.TryCreate(spec, Market.Account(10_000m), RiskPolicy.Default, catalog, quotes, Leverage.Unlimited, out var basis, out var failure), failure?.Message);

        Assert.Equal(D(expected), Math.Round(basis.PerLot(Side.Buy, Leverage.Of(500)), 2));
        Assert.Equal(D(expected), Math.Round(basis.PerLot(Side.Sell, Leverage.Of(500)), 2));
    }

    [Theory]
    // mode, margin currency, contract, initial margin, bid, ask, broker per lot, expected buy, expected sell (USD per lot)
    [InlineData(MarginCalcMode.Cfd, "USD", "1", "0", "40000", "40010", "2000", "40010.00", "40000.00")] // a low broker figure does not replace the contract's value
    [InlineData(MarginCalcMode.Cfd, "USD", "1", "0", "40000", "40010", "50000", "50000.00", "50000.00")] // above it, the broker's figure is charged
    [InlineData(MarginCalcMode.Cfd, "USD", "1", "0", "40000", "40010", null, "40010.00", "40000.00")]
    [InlineData(MarginCalcMode.Cfd, "EUR", "1", "0", "18000", "18002", "990", "19802.20", "19800.00")] // 18,002 EUR at EURUSD 1.1000
    [InlineData(MarginCalcMode.Cfd, "EUR", "1", "0", "18000", "18002", "19801", "19802.20", "19801.00")] // the floor binds on one side only
    [InlineData(MarginCalcMode.Futures, "USD", "50", "12000", "5000", "5001", "600", "12000.00", "12000.00")] // initial margin, not the broker's 600
    [InlineData(MarginCalcMode.Futures, "USD", "50", "12000", "5000", "5001", "15000", "15000.00", "15000.00")]
    [InlineData(MarginCalcMode.Futures, "EUR", "50", "1000", "5000", "5001", "1000", "1100.00", "1100.00")] // 1,000 EUR at 1.1000 is above the broker's 1,000
    [InlineData(MarginCalcMode.Futures, "USD", "50", "0", "5000", "5001", "700", "700.00", "700.00")] // no initial margin: the broker's figure alone
    public void Margin_CfdAndFutures_BrokerMarginIsAFloorNotAReplacement(
        MarginCalcMode mode, string marginCurrency, string contract, string initial, string bid, string ask, string? broker, string expectedBuy, string expectedSell)
    {
        var spec = new SymbolSpec
        {
            Name = "X", Digits = 0, Point = 1m, ContractSize = D(contract), TickSize = 1m, TickValue = 1m,
            MinLot = 0.1m, MaxLot = 100m, LotStep = 0.1m, MarginCalcMode = mode, MarginInitial = D(initial),
            BaseCurrency = marginCurrency, ProfitCurrency = marginCurrency, MarginCurrency = marginCurrency, Class = InstrumentClass.Index,
            MarginRequired = broker is null ? null : D(broker),
        };
        var catalog = Market.Catalog(spec, Market.EurUsd);
        var quotes = Market.Quotes(Market.Quote("X", D(bid), D(ask)), Market.Quote("EURUSD", 1.1000m));

        Assert.True(SymbolMarginBasis.TryCreate(spec, Market.Account(100_000m), RiskPolicy.Default, catalog, quotes, Leverage.Unlimited, out var basis, out var failure), failure?.Message);

        // Neither mode is levered: the tier's leverage changes nothing.
        foreach (var tier in new[] { Leverage.Of(20), Leverage.Of(500), Leverage.Unlimited })
        {
            Assert.Equal(D(expectedBuy), Math.Round(basis.PerLot(Side.Buy, tier), 2));
            Assert.Equal(D(expectedSell), Math.Round(basis.PerLot(Side.Sell, tier), 2));
        }
        Assert.Equal(Math.Round(2.5m * D(expectedBuy), 2), Math.Round(basis.Margin(new SymbolExposure("X", 2.5m, 0m, 1), Leverage.Of(100)), 2));
    }

    [Theory]
    [InlineData("0", "110000")] // the report contradicts 100 lots at 1:100: the positions' margin is used
    [InlineData("104700", "110000")] // the model exceeds it by more than 5%
    [InlineData("104900", "104900")] // within 5%: the broker's figure stands
    [InlineData("120000", "120000")] // above the model: the broker's figure stands
    public void AccountMargin_InUse_IsTheReportUnlessThePositionsContradictIt(string reported, string expected)
    {
        var account = Market.Account(100_000m, Leverage.Of(100), D(reported), positions: new Position(1, "EURUSD", Side.Buy, 100m, 1.1m));
        Assert.Equal(D(expected), AccountMargin.InUse(account, Market.FlatPolicy(), Market.Standard, Market.StandardQuotes));
    }

    [Fact]
    public void Margin_SellUsesBidBuyUsesAsk()
    {
        var quotes = Market.Quotes(Market.Quote("EURUSD", 1.1000m, 1.1010m));
        var account = Market.Account(10_000m, Leverage.Of(100));
        Assert.True(SymbolMarginBasis.TryCreate(Market.EurUsd, account, RiskPolicy.Default, Market.Catalog(Market.EurUsd), quotes, Leverage.Unlimited, out var basis, out _));
        Assert.Equal(1101.00m, basis.PerLot(Side.Buy, Leverage.Unlimited));
        Assert.Equal(1100.00m, basis.PerLot(Side.Sell, Leverage.Unlimited));
    }

    [Fact]
    public void TryCreate_NoConversionPath_SaysWhichCurrencies()
    {
        var catalog = Market.Catalog(Market.ChfJpy);
        var account = Market.Account(10_000m, Leverage.Of(100), currency: "EUR");
        Assert.False(SymbolMarginBasis.TryCreate(Market.ChfJpy, account, RiskPolicy.Default, catalog, Market.StandardQuotes, Leverage.Unlimited, out _, out var failure));
        Assert.Equal(ReasonCode.NoConversion, failure!.Code);
        Assert.Equal("no conversion rate for CHF→EUR", failure.Message);
    }

    [Fact]
    public void BrokerMarginRequired_AboveComputed_IsAFloorAndFlagged()
    {
        // The broker levers gold at 1:50 while the account is at 1:100: 4,000 per lot, not 2,000.
        var gold = Market.Gold with { MarginRequired = 4_000m };
        var catalog = Market.Catalog(gold);
        var account = Market.Account(50_000m, Leverage.Of(100));
        Assert.True(SymbolMarginBasis.TryCreate(gold, account, RiskPolicy.Default, catalog, Market.StandardQuotes, Leverage.Unlimited, out var basis, out _));
        Assert.Equal(4_000m, basis.PerLot(Side.Buy, Leverage.Unlimited));
        Assert.Equal(4_000m, basis.PerLot(Side.Buy, Leverage.Of(80))); // never below the broker's figure
        Assert.Equal(8_000m, basis.PerLot(Side.Buy, Leverage.Of(25))); // a tighter tier still charges more

        var comparison = BrokerMarginCheck.Compare(gold, account, RiskPolicy.Default, catalog, Market.StandardQuotes);
        Assert.NotNull(comparison);
        Assert.Equal(2_000m, comparison.Computed);
        Assert.True(comparison.Differs);
    }

    [Theory]
    [InlineData("1100", false)]
    [InlineData("1110.9", false)] // within 1%
    [InlineData("1112", true)] // 12 apart, more than 1% of 1,112
    public void BrokerMarginCheck_OnePercentTolerance(string broker, bool differs)
    {
        var spec = Market.EurUsd with { MarginRequired = D(broker) };
        var account = Market.Account(10_000m, Leverage.Of(100));
        var comparison = BrokerMarginCheck.Compare(spec, account, RiskPolicy.Default, Market.Catalog(spec), Market.StandardQuotes);
        Assert.Equal(differs, comparison!.Differs);
    }

    [Fact]
    public void MarginLevel_NoMargin_IsInfinite()
    {
        Assert.True(MarginLevel.Of(1_000m, 0m).IsInfinite);
        Assert.False(MarginLevel.Of(1_000m, 0m).IsBelow(100_000m));
        Assert.Equal(250m, MarginLevel.Of(1_000m, 400m).Percent);
    }

    [Theory]
    [InlineData(-30_860.06)]
    [InlineData(0)]
    public void MarginLevel_NothingLeftAndNoMargin_IsZeroNotInfinite(decimal equity)
    {
        // An unlimited tier charges no margin; a wiped-out account on it must read as below every floor.
        var level = MarginLevel.Of(equity, 0m);
        Assert.False(level.IsInfinite);
        Assert.Equal(0m, level.Percent);
        Assert.True(level.IsBelow(0.01m));
        Assert.Equal("0.00%", level.ToString());
    }
}
