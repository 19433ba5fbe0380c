using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class LeverageTierTableTests
{
    [Theory]
    [InlineData("-50", 0)]
    [InlineData("0", 0)]
    [InlineData("990", 0)]
    [InlineData("999.99", 0)]
    [InlineData("1000.00", 2000)]
    [InlineData("4999.99", 2000)]
    [InlineData("5000.00", 1000)]
    [InlineData("14999.99", 1000)]
    [InlineData("15000.00", 600)]
    [InlineData("29999.99", 600)]
    [InlineData("30000.00", 400)]
    [InlineData("59999.99", 400)]
    [InlineData("60000.00", 200)]
    [InlineData("2500000", 200)]
    public void TierFor_DefaultTable_EveryBoundary(string equity, int expectedRatio)
    {
        var tier = LeverageTierTable.Default.TierFor(decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture));
        if (expectedRatio == 0) Assert.True(tier.Leverage.IsUnlimited);
        else Assert.Equal(expectedRatio, tier.Leverage.Ratio);
    }

    [Fact]
    public void FirstTierAbove_Equity900_IsTheThousandTier()
    {
        var table = LeverageTierTable.Default;
        Assert.Equal(1_000m, table.Tiers[table.FirstTierAbove(900m)].MinEquity);
        Assert.Equal(5_000m, table.Tiers[table.FirstTierAbove(1_000m)].MinEquity);
        Assert.Equal(table.Tiers.Length, table.FirstTierAbove(60_000m));
    }

    [Fact]
    public void TryCreate_BadTables_ListsEveryProblem()
    {
        var ok = LeverageTierTable.TryCreate(
            [new(500m, Leverage.Of(100)), new(500m, Leverage.Of(50))],
            out var table,
            out var errors);
        Assert.False(ok);
        Assert.Null(table);
        Assert.Equal(
            ["the lowest tier must start at MinEquity 0, not 500", "two tiers start at MinEquity 500"],
            errors);
    }
}
