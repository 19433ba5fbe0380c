namespace Mt4RiskBridge.Core.Tests;

using static Market;

/// <summary>
/// The held symbols' units are summed once per portfolio and reused by later decisions (one set for each order symbol
/// left out): every decision must still charge the account what the margin model charges its positions.
/// </summary>
public sealed class HeldSymbolSumsTests
{
    private static readonly Position[] Held =
    [
        new(1, "EURUSD", Side.Buy, 1m, 1.1000m),
        new(2, "EURUSD", Side.Sell, 0.4m, 1.1000m),
        new(3, "GBPUSD", Side.Sell, 0.3m, 1.2500m),
        new(4, "USDJPY", Side.Buy, 0.5m, 150.000m),
        new(5, "EURGBP", Side.Buy, 0.2m, 0.8800m),
        new(6, "XAUUSD", Side.Buy, 0.1m, 2000.00m),
    ];

    [Theory]
    [InlineData(false)]
    // A leverage CFD held (its units need its quote) sends every decision down the per-symbol pass.
    [InlineData(true)]
    public void EveryOrderSymbolInTurn_MarginLevelIsTheModelsForThePositionsWithTheOrder(bool withCfd)
    {
        Position[] positions = withCfd ? [.. Held, new Position(7, "BTCUSD", Side.Buy, 0.01m, 60000m)] : Held;
        var account = Account(100_000m, Leverage.Of(100), margin: 0m, positions: positions);
        var policy = FlatPolicy(floor: 100m);
        var engine = new RiskEngine(policy);
        foreach (var symbol in new[] { "EURUSD", "GBPUSD", "USDJPY", "EURGBP", "USDCHF", "XAUUSD", "EURUSD" })
        {
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                var order = new OrderRequest(symbol, side, 0.3m);
                var first = engine.Evaluate(Check(order, account));
                var again = engine.Evaluate(Check(order, account));

                Assert.Equal((Verdict.Approve, 0.3m), (first.Verdict, first.Lots));
                Assert.Equal(first.MarginLevelAfter, again.MarginLevelAfter);
                var withOrder = account with { Portfolio = Portfolio.From([.. positions, new Position(99, symbol, side, 0.3m, 0m)]) };
                var modelled = AccountMargin.Price(withOrder, policy, Standard, StandardQuotes, Leverage.Unlimited, out var unpriced);
                Assert.Empty(unpriced);
                Assert.Equal(Math.Round(100_000m / modelled * 100m, 8), Math.Round(first.MarginLevelAfter.Percent, 8));
            }
        }
    }
}
