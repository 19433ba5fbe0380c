using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class AccountMarginsTests
{
    private static AccountMarginsResult Evaluate(AccountState account) =>
        AccountMargins.Evaluate(account, RiskPolicy.Default, Market.Standard, Market.StandardQuotes);

    [Theory]
    // equity, account leverage, margin per position at the current tier, at the next tier
    [InlineData(4_900, 0, 110, 220)] // 1:2000 now, 1:1000 from 5,000
    [InlineData(990, 0, 0, 110)] // unlimited now, 1:2000 from 1,000
    [InlineData(4_900, 500, 440, 440)] // the account's own 1:500 caps both tiers
    [InlineData(70_000, 0, 1_100, null)] // top tier: no next tier
    public void Evaluate_EurUsdPosition_IsPricedAtTheCurrentAndNextTierToTheCent(decimal equity, int leverage, decimal current, int? next)
    {
        var account = Market.Account(equity, leverage == 0 ? Leverage.Unlimited : Leverage.Of(leverage), positions: new Position(1, "EURUSD", Side.Buy, 2m, 1.1m));

        var result = Evaluate(account);

        var position = Assert.Single(result.Positions);
        Assert.Equal(current, Math.Round(position.AtCurrentTier!.Value, 2));
        Assert.Equal(next is null ? null : (decimal?)next.Value, position.AtNextTier is { } n ? Math.Round(n, 2) : (decimal?)null);
        Assert.Null(position.Unpriced);
    }

    [Fact]
    public void Evaluate_HedgedPair_PricesEachPositionAloneAndNetsTheNotional()
    {
        var account = Market.Account(4_900m, Leverage.Unlimited, positions: [new Position(1, "EURUSD", Side.Buy, 3m, 1.1m), new Position(2, "EURUSD", Side.Sell, 1m, 1.1m)]);

        var result = Evaluate(account);

        Assert.Equal([165m, 55m], result.Positions.Select(p => Math.Round(p.AtCurrentTier!.Value, 2)));
        Assert.Equal(new LeverageTier(1_000m, Leverage.Of(2000)), result.CurrentTier);
        Assert.Equal(new LeverageTier(5_000m, Leverage.Of(1000)), result.NextTier);
        // Net 2 lots long: 200,000 EUR at 1.1000 = 220,000 USD over 4,900 USD of equity.
        Assert.Equal(44.90m, Math.Round(result.EffectiveLeverage!.Value, 2));
    }

    [Fact]
    public void Evaluate_SymbolNotInTheCatalog_SaysSoAndLeavesEffectiveLeverageUnknown()
    {
        var account = Market.Account(4_900m, Leverage.Unlimited, positions: new Position(1, "NZDUSD", Side.Buy, 1m, 0.6m));

        var result = Evaluate(account);

        var position = Assert.Single(result.Positions);
        Assert.Null(position.AtCurrentTier);
        Assert.Null(position.AtNextTier);
        Assert.Equal(ReasonText.UnknownSymbol("NZDUSD"), position.Unpriced);
        Assert.Null(result.EffectiveLeverage);
    }
}
