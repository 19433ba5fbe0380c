namespace Mt4RiskBridge.Core.Tests;

using static Market;

/// <summary>Rules that price the whole account refuse to guess about a held symbol they cannot price.</summary>
public sealed class HeldSymbolPricingTests
{
    [Fact]
    public void HeldSymbolMissingFromTheCatalog_RejectsNamingIt()
    {
        var account = Account(2_000m, Leverage.Of(500), margin: 220m,
            positions: [new Position(1, "EURUSD", Side.Buy, 1m, 1.1000m), new Position(2, "ZARJPY", Side.Sell, 2m, 8.50m)]);

        // The default policy re-prices every position at the tiers above equity, so ZARJPY must be priced.
        var decision = Evaluate(RiskPolicy.Default, new OrderRequest("GBPUSD", Side.Buy, 0.10m), account);

        Assert.Equal(Verdict.Reject, decision.Verdict);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.UnknownSymbol, reason.Code);
        Assert.Contains("ZARJPY", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeldSymbolsAllKnown_ArePricedAndTheOrderApproved()
    {
        var account = Account(2_000m, Leverage.Of(500), margin: 220m, positions: [new Position(1, "EURUSD", Side.Buy, 1m, 1.1000m)]);

        var decision = Evaluate(RiskPolicy.Default, new OrderRequest("GBPUSD", Side.Buy, 0.10m), account);

        Assert.Equal((Verdict.Approve, 0.10m), (decision.Verdict, decision.Lots));
    }
}
