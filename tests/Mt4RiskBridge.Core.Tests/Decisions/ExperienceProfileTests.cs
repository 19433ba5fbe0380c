namespace Mt4RiskBridge.Core.Tests.Decisions;

/// <summary>Risk:ExperienceProfile caps effective leverage at 5, 10 or 20 beside Risk:MaxEffectiveLeverage.</summary>
public sealed class ExperienceProfileTests
{
    // 10,000 USD equity, flat account, EURUSD at 1.1000: one lot is 110,000 USD of notional. Buy 2 lots = 22x.
    private static Decision Buy2(ExperienceProfile profile, decimal maxEffective = 0m) =>
        Market.Evaluate(
            Market.FlatPolicy(0m) with { ExperienceProfile = profile, MaxEffectiveLeverage = maxEffective },
            new OrderRequest("EURUSD", Side.Buy, 2m),
            Market.Account(10_000m, Leverage.Of(500)));

    [Theory]
    // beginner: 5 × 10,000 = 50,000 ÷ 110,000 = 0.4545 → 0.45
    [InlineData(ExperienceProfile.Beginner, 0.45, "2 lots would raise effective leverage to 22x, above the 5x cap of the beginner profile")]
    // intermediate: 100,000 ÷ 110,000 = 0.909 → 0.90
    [InlineData(ExperienceProfile.Intermediate, 0.90, "2 lots would raise effective leverage to 22x, above the 10x cap of the intermediate profile")]
    // experienced: 200,000 ÷ 110,000 = 1.818 → 1.81
    [InlineData(ExperienceProfile.Experienced, 1.81, "2 lots would raise effective leverage to 22x, above the 20x cap of the experienced profile")]
    public void Profile_ResizesToTheLargestLotWithinItsCap(ExperienceProfile profile, double lots, string message)
    {
        var decision = Buy2(profile);

        Assert.Equal(Verdict.Resize, decision.Verdict);
        Assert.Equal((decimal)lots, decision.Lots);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.EffectiveLeverage, reason.Code);
        Assert.Equal(message, reason.Message);
        Assert.Equal((decimal)lots, reason.MaxLots);
    }

    [Fact]
    public void None_LeavesTheOrderToTheOtherRules()
    {
        var decision = Buy2(ExperienceProfile.None);

        Assert.Equal(Verdict.Approve, decision.Verdict);
        Assert.Equal(2m, decision.Lots);
    }

    [Fact]
    public void LowerMaxEffectiveLeverage_BindsAndIsNamedAsTheLimit()
    {
        // 8 × 10,000 = 80,000 ÷ 110,000 = 0.727 → 0.72, below the intermediate profile's 0.90.
        var decision = Buy2(ExperienceProfile.Intermediate, maxEffective: 8m);

        Assert.Equal(0.72m, decision.Lots);
        Assert.Equal("2 lots would raise effective leverage to 22x, above the 8x limit", Assert.Single(decision.Reasons).Message);
    }

    [Fact]
    public void LowerProfileCap_BindsOverAHigherMaxEffectiveLeverage()
    {
        var decision = Buy2(ExperienceProfile.Intermediate, maxEffective: 15m);

        Assert.Equal(0.90m, decision.Lots);
        Assert.Equal("2 lots would raise effective leverage to 22x, above the 10x cap of the intermediate profile", Assert.Single(decision.Reasons).Message);
    }

    [Fact]
    public void Profile_CountsWhatIsAlreadyOpen()
    {
        // 0.3 lots long already: 33,000. Beginner room 50,000 − 33,000 = 17,000 ÷ 110,000 = 0.154 → 0.15.
        var decision = Market.Evaluate(
            Market.FlatPolicy(0m) with { ExperienceProfile = ExperienceProfile.Beginner },
            new OrderRequest("EURUSD", Side.Buy, 1m),
            Market.Account(10_000m, Leverage.Of(500), positions: new Position(1, "EURUSD", Side.Buy, 0.3m, 1.1m)));

        Assert.Equal(0.15m, decision.Lots);
        Assert.Equal("1 lots would raise effective leverage to 14.3x, above the 5x cap of the beginner profile", Assert.Single(decision.Reasons).Message);
    }
}
