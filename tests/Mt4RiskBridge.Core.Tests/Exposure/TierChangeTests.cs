using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class TierChangeTests
{
    private static AccountState Account(decimal equity, decimal lots, decimal margin) =>
        Market.Account(equity, Leverage.Unlimited, margin, positions: new Position(1, "EURUSD", Side.Buy, lots, 1.1m));

    private static TierChangeResult? Detect(decimal previous, AccountState account, RiskPolicy? policy = null) =>
        TierChange.Detect(previous, account, policy ?? RiskPolicy.Default, Market.Standard, Market.StandardQuotes);

    [Theory]
    // previous, equity, lots, broker margin (at the old tier), old, new, margin at new, level at new, severity
    [InlineData(4_900, 5_100, 2, 110, "1:2000", "1:1000", 220, "2318.18%", AlertSeverity.Warn)]
    [InlineData(4_900, 5_100, 40, 2_200, "1:2000", "1:1000", 4_400, "115.91%", AlertSeverity.Critical)] // under the 200% floor
    [InlineData(5_100, 4_900, 2, 220, "1:1000", "1:2000", 110, "4454.55%", AlertSeverity.Info)] // leverage rises
    [InlineData(1_000, 999.99, 2, 110, "1:2000", "unlimited", 0, "∞", AlertSeverity.Info)]
    [InlineData(59_000, 61_000, 10, 2_750, "1:400", "1:200", 5_500, "1109.09%", AlertSeverity.Warn)]
    public void Detect_CrossingABoundary_ReportsLeverageAndMarginLevelAtTheNewTier(
        decimal previous, decimal equity, decimal lots, decimal margin, string oldLeverage, string newLeverage, decimal marginAtNew, string level, AlertSeverity severity)
    {
        var result = Detect(previous, Account(equity, lots, margin))!;
        Assert.Equal(oldLeverage, result.OldLeverage.ToString());
        Assert.Equal(newLeverage, result.NewLeverage.ToString());
        Assert.Equal(marginAtNew, Math.Round(result.MarginAtNewLeverage, 2));
        Assert.Equal(level, result.MarginLevelAtNewLeverage.ToString());
        Assert.Equal(severity, result.Alert.Severity);
        Assert.Equal(AlertCode.TierChange, result.Alert.Code);
    }

    [Theory]
    [InlineData(5_000, 14_999.99)]
    [InlineData(999.99, 0)]
    [InlineData(1_200, 1_100)]
    public void Detect_SameTier_IsNull(decimal previous, decimal equity) =>
        Assert.Null(Detect(previous, Account(equity, 1m, 55m)));

    [Fact]
    public void Detect_Up_MessageNamesBoundaryLeveragesAndLevel()
    {
        var result = Detect(4_900m, Account(5_100m, 40m, 2_200m))!;
        Assert.Equal(
            "equity rose from 4,900.00 to 5,100.00 USD, reaching the 5,000.00 USD tier: leverage 1:2000 → 1:1000; margin level at the new leverage 115.91%, below the 200% floor",
            result.Alert.Message);
        Assert.Equal(5_000m, result.Alert.Details["boundary"]);
        Assert.Equal("1:1000", result.Alert.Details["newLeverage"]);
        Assert.Equal(115.91m, result.Alert.Details["marginLevelAtNewLeverage"]);
    }

    [Fact]
    public void Detect_TiersForNewPositionsOnly_KeepsTheMargin()
    {
        var policy = RiskPolicy.Default with { TierAppliesTo = TierAppliesTo.NewPositions };
        var result = Detect(4_900m, Account(5_100m, 2m, 110m), policy)!;
        Assert.Equal(110m, result.MarginAtNewLeverage);
        Assert.Equal("4636.36%", result.MarginLevelAtNewLeverage.ToString());
    }

    [Fact]
    public void Detect_NonLeverageSymbol_KeepsItsMargin()
    {
        // A CFD margined on price alone (here the broker's 50,000 per lot, above the 40,000 contract value) is not re-priced by the tier.
        var cfd = Market.Gold with { Name = "US30", ContractSize = 1m, MarginCalcMode = MarginCalcMode.Cfd, BaseCurrency = "USD", MarginCurrency = "USD", Class = InstrumentClass.Index, MarginRequired = 50_000m };
        var catalog = Market.Catalog(Market.EurUsd, cfd);
        var quotes = Market.Quotes(Market.Quote("EURUSD", 1.1m), Market.Quote("US30", 40_000m));
        var account = Market.Account(5_100m, Leverage.Unlimited, 500m, positions: new Position(2, "US30", Side.Buy, 0.01m, 40_000m));
        var result = TierChange.Detect(4_900m, account, RiskPolicy.Default, catalog, quotes)!;
        Assert.Equal(500m, result.MarginAtNewLeverage);
    }
}
