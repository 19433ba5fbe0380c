using System.Collections.Immutable;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Mapping;
using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Tests.Mapping;

/// <summary>The size request onto the core's order, and the core's size decision onto the suggestion, field by field.</summary>
public sealed class SizeMappingTests
{
    [Fact]
    public void ToOrderRequest_Size_IsAMarketOrderWithTheStop()
    {
        var message = new SizeMessage("EURUSD", WireSide.Sell, 1.09000m, 1.5m) { Id = "s-7" };

        Assert.Equal(new OrderRequest("EURUSD", Side.Sell, 0m, OrderType.Market, null, 1.09000m), message.ToOrderRequest());
    }

    [Fact]
    public void ToMessage_SizeDecision_CarriesLotsRiskFiguresAndEveryReason()
    {
        var reasons = ImmutableArray.Create(
            new Reason(ReasonCode.MarginFloor, "0.32 lots would take the margin level to 312.40%, below the 500% floor", 0.20m),
            new Reason(ReasonCode.TierCrossing, "tier", 0.25m));
        var decision = new Decision(Verdict.Resize, 0.20m, 0.32m, reasons, MarginLevel.Infinite, Leverage.Of(200),
            new LeverageTier(10_000m, Leverage.Of(200)));

        var message = new SizeDecision(0.20m, 0.32m, 320.00m, 102.505m, decision).ToMessage("s-7");

        Assert.Equal(new SuggestionMessage(0.20m, 0.32m, 320.00m, 102.505m,
            [new WireReason("margin_floor", "0.32 lots would take the margin level to 312.40%, below the 500% floor", 0.20m), new WireReason("tier_crossing", "tier", 0.25m)])
        { Id = "s-7" }, message);
    }
}
