using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>Symbol specifications and quotes for tests, as a typical five-digit MT4 broker reports them.</summary>
internal static class Market
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Broker server time at <see cref="Now"/>: a Friday midday, markets open.</summary>
    public static readonly DateTime ServerNow = new(2026, 11, 20, 14, 0, 0, DateTimeKind.Unspecified);

    public static SymbolSpec Forex(string name, string baseCcy, string profitCcy, int digits = 5, InstrumentClass? cls = null, decimal tickValue = 1m) => new()
    {
        Name = name,
        Digits = digits,
        Point = digits == 3 ? 0.001m : 0.00001m,
        ContractSize = 100_000m,
        TickSize = digits == 3 ? 0.001m : 0.00001m,
        TickValue = tickValue,
        MinLot = 0.01m,
        MaxLot = 100m,
        LotStep = 0.01m,
        MarginCalcMode = MarginCalcMode.Forex,
        MarginHedged = 50_000m,
        BaseCurrency = baseCcy,
        ProfitCurrency = profitCcy,
        MarginCurrency = baseCcy,
        Class = cls ?? InstrumentClassifier.Default.Classify(name, MarginCalcMode.Forex, baseCcy, profitCcy),
    };

    public static SymbolSpec Gold => new()
    {
        Name = "XAUUSD",
        Digits = 2,
        Point = 0.01m,
        ContractSize = 100m,
        TickSize = 0.01m,
        TickValue = 1m,
        MinLot = 0.01m,
        MaxLot = 50m,
        LotStep = 0.01m,
        MarginCalcMode = MarginCalcMode.Forex,
        MarginHedged = 50m,
        BaseCurrency = "XAU",
        ProfitCurrency = "USD",
        MarginCurrency = "XAU",
        Class = InstrumentClass.Metal,
    };

    public static SymbolSpec Bitcoin => new()
    {
        Name = "BTCUSD",
        Digits = 2,
        Point = 0.01m,
        ContractSize = 1m,
        TickSize = 0.01m,
        TickValue = 0.01m,
        MinLot = 0.01m,
        MaxLot = 20m,
        LotStep = 0.01m,
        MarginCalcMode = MarginCalcMode.CfdLeverage,
        MarginHedged = 0m,
        BaseCurrency = "BTC",
        ProfitCurrency = "USD",
        MarginCurrency = "USD",
        Class = InstrumentClass.Crypto,
    };

    public static SymbolSpec EurUsd => Forex("EURUSD", "EUR", "USD");
    public static SymbolSpec GbpUsd => Forex("GBPUSD", "GBP", "USD");
    public static SymbolSpec UsdJpy => Forex("USDJPY", "USD", "JPY", digits: 3, tickValue: 0.6667m);
    public static SymbolSpec UsdChf => Forex("USDCHF", "USD", "CHF", tickValue: 1.1111m);
    public static SymbolSpec EurGbp => Forex("EURGBP", "EUR", "GBP", tickValue: 1.2500m);
    public static SymbolSpec ChfJpy => Forex("CHFJPY", "CHF", "JPY", digits: 3, tickValue: 0.6667m);

    public static Quote Quote(string symbol, decimal bid, decimal? ask = null, DateTimeOffset? at = null) =>
        new(symbol, bid, ask ?? bid, 0, at ?? Now);

    public static SymbolCatalog Catalog(params SymbolSpec[] specs) => new(specs);

    public static QuoteBook Quotes(params Quote[] quotes) => new(quotes);

    public static AccountState Account(decimal equity, Leverage? leverage = null, decimal margin = 0m, string currency = "USD", params Position[] positions) => new()
    {
        Login = 1001,
        Currency = currency,
        Balance = equity,
        Equity = equity,
        Margin = margin,
        Leverage = leverage ?? Leverage.Of(500),
        MarginCallLevel = 100m,
        StopOutLevel = 50m,
        Portfolio = Portfolio.From(positions),
        PositionsKnown = true,
        ReceivedAt = Now,
    };

    /// <summary>The default symbols and quotes most tests use.</summary>
    public static SymbolCatalog Standard => Catalog(EurUsd, GbpUsd, UsdJpy, UsdChf, EurGbp, ChfJpy, Gold, Bitcoin);

    public static QuoteBook StandardQuotes => Quotes(
        Quote("EURUSD", 1.1000m),
        Quote("GBPUSD", 1.2500m),
        Quote("USDJPY", 150.000m),
        Quote("USDCHF", 0.9000m),
        Quote("EURGBP", 0.8800m),
        Quote("CHFJPY", 166.667m),
        Quote("XAUUSD", 2000.00m),
        Quote("BTCUSD", 60000.00m));

    /// <summary>A policy with a single tier so that only the account leverage applies.</summary>
    public static RiskPolicy FlatPolicy(decimal floor = 200m) => new()
    {
        MarginLevelFloorPercent = floor,
        Tiers = Tiers((0m, Leverage.Unlimited)),
    };

    public static LeverageTierTable Tiers(params (decimal MinEquity, Leverage Leverage)[] tiers)
    {
        if (!LeverageTierTable.TryCreate(tiers.Select(t => new LeverageTier(t.MinEquity, t.Leverage)), out var table, out var errors))
            throw new InvalidOperationException(string.Join("; ", errors));
        return table!;
    }

    public static OrderCheck Check(OrderRequest order, AccountState account, SymbolCatalog? catalog = null, IQuoteBook? quotes = null) => new()
    {
        Order = order,
        Account = account,
        Symbols = catalog ?? Standard,
        Quotes = quotes ?? StandardQuotes,
        Now = Now,
        TradingState = TradingState.Active,
        ServerTime = ServerNow,
    };

    public static Decision Evaluate(RiskPolicy policy, OrderRequest order, AccountState account, SymbolCatalog? catalog = null, IQuoteBook? quotes = null) =>
        new RiskEngine(policy).Evaluate(Check(order, account, catalog, quotes));
}
