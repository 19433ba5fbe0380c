using System.Collections.Immutable;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Benchmarks;

/// <summary>A USD account at 1:500 holding 200 positions on 30 symbols, with the symbols and quotes to price them.</summary>
internal static class BusyAccount
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    // Name, base, quote, mid price. Every currency reaches USD through a streamed pair.
    private static readonly (string Name, string Base, string Quote, decimal Mid)[] Pairs =
    [
        ("EURUSD", "EUR", "USD", 1.10000m), ("GBPUSD", "GBP", "USD", 1.25000m), ("AUDUSD", "AUD", "USD", 0.66000m),
        ("NZDUSD", "NZD", "USD", 0.60000m), ("USDJPY", "USD", "JPY", 150.000m), ("USDCHF", "USD", "CHF", 0.90000m),
        ("USDCAD", "USD", "CAD", 1.36000m), ("EURGBP", "EUR", "GBP", 0.88000m), ("EURJPY", "EUR", "JPY", 165.000m),
        ("GBPJPY", "GBP", "JPY", 187.500m), ("CHFJPY", "CHF", "JPY", 166.667m), ("AUDJPY", "AUD", "JPY", 99.000m),
        ("CADJPY", "CAD", "JPY", 110.290m), ("NZDJPY", "NZD", "JPY", 90.000m), ("EURCHF", "EUR", "CHF", 0.99000m),
        ("GBPCHF", "GBP", "CHF", 1.12500m), ("AUDCHF", "AUD", "CHF", 0.59400m), ("CADCHF", "CAD", "CHF", 0.66180m),
        ("EURAUD", "EUR", "AUD", 1.66667m), ("GBPAUD", "GBP", "AUD", 1.89394m), ("EURCAD", "EUR", "CAD", 1.49600m),
        ("GBPCAD", "GBP", "CAD", 1.70000m), ("AUDCAD", "AUD", "CAD", 0.89760m), ("NZDCAD", "NZD", "CAD", 0.81600m),
        ("EURNZD", "EUR", "NZD", 1.83333m), ("GBPNZD", "GBP", "NZD", 2.08333m), ("AUDNZD", "AUD", "NZD", 1.10000m),
        ("USDSGD", "USD", "SGD", 1.34000m), ("XAUUSD", "XAU", "USD", 2000.00m), ("XAGUSD", "XAG", "USD", 25.000m),
    ];

    /// <summary>Every rule on: floor, default tiers re-pricing all positions, lot caps, 1% risk, 100x effective leverage.</summary>
    public static RiskPolicy Policy { get; } = RiskPolicy.Default with
    {
        MarginLevelFloorPercent = 200m,
        RiskPerTradePercent = 1m,
        RequireStopLoss = true,
        MaxEffectiveLeverage = 100m,
        LotCaps = LotCapTable.Off with
        {
            Global = new LotCaps(MaxLotsPerOrder: 50m, MaxLotsPerSymbol: 100m, MaxLotsTotal: 500m, MaxOpenPositions: 300),
            Classes = LotCapTable.Off.Classes.Add(InstrumentClass.Metal, new LotCaps(MaxLotsTotal: 20m, MaxOpenPositions: 50)),
        },
    };

    public static OrderCheck Create()
    {
        var specs = Pairs.Select(p => Spec(p.Name, p.Base, p.Quote, p.Mid)).ToArray();
        var catalog = new SymbolCatalog(specs);
        var quotes = new QuoteBook(Pairs.Select(p => Quote(p.Name, p.Mid, specs.First(s => s.Name == p.Name).Point)));

        var positions = new List<Position>(200);
        for (var i = 0; i < 200; i++)
        {
            var pair = Pairs[i % Pairs.Length];
            var side = (i * 7 % 3) == 0 ? Side.Sell : Side.Buy;
            var lots = 0.01m * (1 + (i * 13 % 9));
            positions.Add(new Position(10_000 + i, pair.Name, side, lots, pair.Mid));
        }

        var account = new AccountState
        {
            Login = 1001,
            Currency = "USD",
            Balance = 25_000m,
            Equity = 25_000m,
            Margin = 2_000m,
            Leverage = Leverage.Of(500),
            MarginCallLevel = 100m,
            StopOutLevel = 50m,
            Portfolio = Portfolio.From(positions),
            PositionsKnown = true,
            ReceivedAt = Now,
        };
        return new OrderCheck
        {
            Order = new OrderRequest("EURUSD", Side.Buy, 0.10m),
            Account = account,
            Symbols = catalog,
            Quotes = quotes,
            Now = Now,
            Windows = ImmutableArray<LeverageWindow>.Empty,
            // The gates run too: a known state, a rate under its limit, the weekend block on a weekday.
            TradingState = TradingState.Active,
            ServerTime = new DateTime(2026, 11, 18, 14, 0, 0, DateTimeKind.Unspecified),
            Rate = new OrderRate(1, 20),
            Calendar = MarketCalendar.Default,
            BlockNewPositionsMinutes = 30,
        };
    }

    private static SymbolSpec Spec(string name, string baseCcy, string quoteCcy, decimal mid)
    {
        var metal = baseCcy is "XAU" or "XAG";
        var digits = metal ? (baseCcy == "XAU" ? 2 : 3) : quoteCcy == "JPY" ? 3 : 5;
        var tick = digits switch { 2 => 0.01m, 3 => 0.001m, _ => 0.00001m };
        var contract = baseCcy switch { "XAU" => 100m, "XAG" => 5_000m, _ => 100_000m };
        // Tick value in USD: a tick on one lot, converted from the quote currency at the mid.
        var tickValue = quoteCcy == "USD" ? tick * contract : tick * contract / UsdPer(quoteCcy);
        return new SymbolSpec
        {
            Name = name,
            Digits = digits,
            Point = tick,
            ContractSize = contract,
            TickSize = tick,
            TickValue = Math.Round(tickValue, 5),
            MinLot = 0.01m,
            MaxLot = 100m,
            LotStep = 0.01m,
            MarginCalcMode = MarginCalcMode.Forex,
            MarginHedged = contract / 2m,
            BaseCurrency = baseCcy,
            ProfitCurrency = quoteCcy,
            MarginCurrency = baseCcy,
            Class = InstrumentClassifier.Default.Classify(name, MarginCalcMode.Forex, baseCcy, quoteCcy),
        };
    }

    // Units of a currency per USD, from the USD pairs above.
    private static decimal UsdPer(string currency) => currency switch
    {
        "JPY" => 150m,
        "CHF" => 0.9m,
        "CAD" => 1.36m,
        "SGD" => 1.34m,
        "GBP" => 1m / 1.25m,
        "AUD" => 1m / 0.66m,
        "NZD" => 1m / 0.6m,
        _ => 1m,
    };

    private static Quote Quote(string name, decimal mid, decimal point) =>
        new(name, mid, mid + 10 * point, 0, Now);
}
