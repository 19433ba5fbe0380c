using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class CurrencyConverterTests
{
    public static TheoryData<string, string> Conversions => new()
    {
        { "USD", "USD" }, // same currency
        { "EUR", "USD" }, // direct pair
        { "CHF", "USD" }, // inverted pair
        { "GBP", "EUR" }, // inverted cross
        { "CHF", "EUR" }, // through USD
        { "JPY", "GBP" }, // through USD, both legs inverted
        { "XAU", "EUR" }, // gold through USD
        { "BTC", "USD" }, // a CFD is not a conversion pair
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void TryGetRates_AnyPath_EqualsTryGetRateForEachSide(string from, string to)
    {
        var quotes = Market.Quotes(
            Market.Quote("EURUSD", 1.1000m, 1.1002m),
            Market.Quote("USDCHF", 0.9000m, 0.9003m),
            Market.Quote("EURGBP", 0.8800m, 0.8802m),
            Market.Quote("GBPUSD", 1.2500m, 1.2503m),
            Market.Quote("USDJPY", 150.000m, 150.020m),
            Market.Quote("XAUUSD", 2000.00m, 2000.40m),
            Market.Quote("BTCUSD", 60000m, 60010m));
        AssertSameAsPerSide(from, to, Market.Standard, quotes);
    }

    [Theory]
    [InlineData("0", "1.1002")] // no usable bid: sells must find another path
    [InlineData("1.1000", "0")] // no usable ask
    public void TryGetRates_OneSidedQuote_EachSideTakesItsOwnPath(string bid, string ask)
    {
        // EURUSD has one usable side; sells (or buys) fall back to the inverse pair USDEUR when one is streamed.
        var usdEur = Market.Forex("USDEUR", "USD", "EUR");
        var catalog = Market.Catalog(Market.EurUsd, usdEur, Market.GbpUsd, Market.EurGbp);
        var quotes = Market.Quotes(
            new Quote("EURUSD", decimal.Parse(bid, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(ask, System.Globalization.CultureInfo.InvariantCulture), 0, Market.Now),
            Market.Quote("USDEUR", 0.9090m, 0.9092m),
            Market.Quote("GBPUSD", 1.2500m, 1.2503m),
            Market.Quote("EURGBP", 0.8800m, 0.8802m));
        AssertSameAsPerSide("EUR", "USD", catalog, quotes);
        AssertSameAsPerSide("GBP", "EUR", catalog, quotes);
    }

    private static void AssertSameAsPerSide(string from, string to, SymbolCatalog catalog, IQuoteBook quotes)
    {
        var buyFound = CurrencyConverter.TryGetRate(from, to, Side.Buy, catalog, quotes, out var buy);
        var sellFound = CurrencyConverter.TryGetRate(from, to, Side.Sell, catalog, quotes, out var sell);
        var found = CurrencyConverter.TryGetRates(from, to, catalog, quotes, out var both, out var bothSell);
        Assert.Equal(buyFound && sellFound, found);
        if (!found) return;
        Assert.Equal(buy, both);
        Assert.Equal(sell, bothSell);
    }
}
