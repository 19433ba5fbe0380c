using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class LeverageTests
{
    [Theory]
    [InlineData("unlimited", true, 0)]
    [InlineData("UNLIMITED", true, 0)]
    [InlineData("2000", false, 2000)]
    [InlineData("1:500", false, 500)]
    public void TryParse_ValidText_ReadsLeverage(string text, bool unlimited, int ratio)
    {
        Assert.True(Leverage.TryParse(text, out var leverage));
        Assert.Equal(unlimited, leverage.IsUnlimited);
        if (!unlimited) Assert.Equal(ratio, leverage.Ratio);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1:")]
    [InlineData("lots")]
    public void TryParse_InvalidText_Fails(string text) => Assert.False(Leverage.TryParse(text, out _));

    [Fact]
    public void Equality_ComparesRatiosByValue()
    {
        Assert.Equal(Leverage.Of(500m), Leverage.Of(500.00m));
        Assert.Equal(Leverage.Of(500m).GetHashCode(), Leverage.Of(500.00m).GetHashCode());
        Assert.Equal(default(Leverage).GetHashCode(), Leverage.Of(1.0m).GetHashCode());
        Assert.NotEqual(Leverage.Of(500m), Leverage.Of(400m));
        Assert.Equal(Leverage.Unlimited, Leverage.Min(Leverage.Unlimited, Leverage.Unlimited));
        // The ratio keeps the scale it was given: 1.50 stays 1.50 in every figure divided by it.
        Assert.Equal("1.50", Leverage.Of(1.50m).Ratio.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Default_IsFullyMarginedNotUnlimited()
    {
        var unset = default(Leverage);

        Assert.False(unset.IsUnlimited);
        Assert.Equal(Leverage.Of(1), unset);
        Assert.Equal(110_000m, unset.MarginFor(110_000m));
        Assert.Equal("1:1", unset.ToString());
        Assert.NotEqual(Leverage.Unlimited, unset);
        Assert.Equal(0m, Leverage.Unlimited.MarginFor(110_000m));
    }

    [Fact]
    public void Min_UnlimitedAgainstRatio_ReturnsRatio()
    {
        Assert.Equal(Leverage.Of(400), Leverage.Min(Leverage.Unlimited, Leverage.Of(400)));
        Assert.Equal(Leverage.Of(30), Leverage.Min(Leverage.Of(30), Leverage.Of(500)));
        Assert.True(Leverage.Min(Leverage.Unlimited, Leverage.Unlimited).IsUnlimited);
    }

    [Fact]
    public void MarginFor_Unlimited_IsZeroNotADivision()
    {
        Assert.Equal(0m, Leverage.Unlimited.MarginFor(110_000m));
        Assert.Throws<InvalidOperationException>(() => Leverage.Unlimited.Ratio);
        Assert.Throws<ArgumentOutOfRangeException>(() => Leverage.Of(0));
    }

    [Fact]
    public void ToString_ShowsRatioOrUnlimited()
    {
        Assert.Equal("1:2000", Leverage.Of(2000).ToString());
        Assert.Equal("unlimited", Leverage.Unlimited.ToString());
    }
}
