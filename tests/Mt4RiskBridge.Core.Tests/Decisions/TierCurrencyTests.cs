using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>The leverage tiers are written in USD: accounts in other currencies are placed by their equity at the mid.</summary>
public sealed class TierCurrencyTests
{
    private static readonly RiskPolicy Policy = RiskPolicy.Default;

    [Theory]
    // account currency, equity, tier it falls in (USD), tier leverage; old placement by own-currency equity in comments
    [InlineData("EUR", "4700", "5000", "1:1000")] // 5,170 USD at 1.1000 (by EUR equity: the 1,000 tier, 1:2000)
    [InlineData("EUR", "900", "0", "unlimited")] // 990 USD
    [InlineData("EUR", "910", "1000", "1:2000")] // 1,001 USD
    [InlineData("JPY", "1000000", "5000", "1:1000")] // 6,666.67 USD at 150.000 (by JPY equity: the 60,000 tier, 1:200)
    [InlineData("JPY", "149999", "0", "unlimited")] // 999.99 USD
    [InlineData("USD", "4999.99", "1000", "1:2000")]
    public void Evaluate_AccountInAnotherCurrency_IsPlacedByItsUsdEquity(string currency, string equity, string minEquity, string leverage)
    {
        var account = Market.Account(decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture), Leverage.Unlimited, currency: currency);

        var decision = Market.Evaluate(Policy, new OrderRequest("EURUSD", Side.Buy, 0.01m), account);

        Assert.Equal(Verdict.Approve, decision.Verdict);
        Assert.Equal(decimal.Parse(minEquity, System.Globalization.CultureInfo.InvariantCulture), decision.Tier.MinEquity);
        Assert.Equal(leverage, decision.Tier.Leverage.ToString());
    }

    [Fact]
    public void Evaluate_TierCrossing_ConvertsTheBoundaryIntoTheAccountCurrency()
    {
        // 4,500 EUR is 4,950 USD: the 5,000 USD boundary is 4,545.45 EUR. EURUSD costs 100 EUR a lot at 1:1000, so
        // the 200% floor at the boundary allows 4,545.45 ÷ 200 = 22.72 lots (the floor now, at 1:2000, 45).
        var account = Market.Account(4_500m, Leverage.Unlimited, currency: "EUR");

        var decision = Market.Evaluate(Policy, new OrderRequest("EURUSD", Side.Buy, 30m), account);

        Assert.Equal((Verdict.Resize, 22.72m), (decision.Verdict, decision.Lots));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.TierCrossing, reason.Code);
        Assert.Equal("at 4,545.45 EUR equity the leverage becomes 1:1000 and 30 lots would leave a margin level of 151.52%, below the 200% floor", reason.Message);
    }

    [Fact]
    public void Evaluate_NoRateIntoTheTierCurrency_RejectsWithNoConversion()
    {
        var catalog = Market.Catalog(Market.UsdJpy);
        var quotes = Market.Quotes(Market.Quote("USDJPY", 150m));
        var account = Market.Account(10_000m, Leverage.Of(100), currency: "EUR");

        var decision = Market.Evaluate(Policy, new OrderRequest("USDJPY", Side.Buy, 0.1m), account, catalog, quotes);

        Assert.Equal(Verdict.Reject, decision.Verdict);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.NoConversion, reason.Code);
        Assert.Equal("no conversion rate for EUR→USD", reason.Message);
    }
}
