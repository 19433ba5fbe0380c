using System.Collections.Immutable;
using System.Text.Json;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Tests.Mapping;

/// <summary>A core decision onto the decision frame: lowercase verdict, rounded margin level and leverage, unlimited as a string.</summary>
public sealed class DecisionMappingTests
{
    public static TheoryData<Verdict, string> Verdicts() => new()
    {
        { Verdict.Approve, "approve" },
        { Verdict.Resize, "resize" },
        { Verdict.Reject, "reject" },
    };

    public static TheoryData<decimal, decimal, decimal?> MarginLevels() => new()
    {
        { 10250.5m, 2004.9m, 511.27m },     // 511.2743...
        { 1m, 3m, 33.33m },                 // 33.3333...
        { 2m, 3m, 66.67m },                 // 66.6666...
        { 1.00005m, 1m, 100.01m },          // 100.005 rounds half away from zero
        { 5000m, 0m, null },                // no margin in use: infinite
    };

    public static TheoryData<decimal, decimal> Leverages() => new()
    {
        { 200m, 200m },
        { 499.909m, 499.90m },              // toward less leverage
        { 33.339m, 33.33m },
        { 0.004m, 0.01m },                  // never below the smallest the wire can say
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void ToFrame_Verdict_IsLowercase(Verdict verdict, string expected)
    {
        using var json = JsonDocument.Parse(Sample(verdict: verdict).ToFrame("c"));

        Assert.Equal(expected, json.RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [MemberData(nameof(MarginLevels))]
    public void ToFrame_MarginLevelAfter_IsRoundedTo2PlacesOrNullWhenInfinite(decimal equity, decimal margin, decimal? expected)
    {
        using var json = JsonDocument.Parse(Sample(level: MarginLevel.Of(equity, margin)).ToFrame("c"));

        var level = json.RootElement.GetProperty("marginLevelAfter");
        if (expected is null) Assert.Equal(JsonValueKind.Null, level.ValueKind);
        else Assert.Equal(expected.Value, level.GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Leverages))]
    public void ToFrame_Leverage_IsRoundedDownTo2Places(decimal ratio, decimal expected)
    {
        using var json = JsonDocument.Parse(Sample(leverage: Leverage.Of(ratio)).ToFrame("c"));

        Assert.Equal(expected, json.RootElement.GetProperty("leverage").GetDecimal());
    }

    [Fact]
    public void ToFrame_UnlimitedLeverage_IsTheStringUnlimited()
    {
        var frame = Sample(leverage: Leverage.Unlimited, tier: new LeverageTier(0m, Leverage.Unlimited)).ToFrame("c");

        using var json = JsonDocument.Parse(frame);
        Assert.Equal("unlimited", json.RootElement.GetProperty("leverage").GetString());
        Assert.Equal("unlimited", json.RootElement.GetProperty("tier").GetProperty("leverage").GetString());
    }

    [Fact]
    public void ToFrame_ParsedBack_EqualsToMessage()
    {
        var decision = Sample();

        var parsed = WireParser.ParseServiceMessage(decision.ToFrame("c-9"));

        Assert.True(parsed.IsSuccess, parsed.ToString());
        Assert.Equal(decision.ToMessage("c-9"), parsed.Message);
        Assert.Equal(new DecisionMessage(
            WireVerdict.Resize, 1.20m, 2.00m, [new WireReason("lot_cap_order", "Order cap 1.20 lots.", 1.20m)],
            511.27m, WireLeverage.Of(500), new WireTier(5000m, WireLeverage.Of(500))) { Id = "c-9" }, parsed.Message);
    }

    [Fact]
    public void ToFrame_SameAsSerializingToMessage()
    {
        var decision = Sample();

        Assert.Equal(WireWriter.Serialize(decision.ToMessage("x")), decision.ToFrame("x"));
    }

    private static Decision Sample(
        Verdict verdict = Verdict.Resize, MarginLevel? level = null, Leverage? leverage = null, LeverageTier? tier = null) =>
        new(
            verdict,
            1.20m,
            2.00m,
            ImmutableArray.Create(new Reason(ReasonCode.LotCapOrder, "Order cap 1.20 lots.", 1.20m)),
            level ?? MarginLevel.Of(10250.5m, 2004.9m),
            leverage ?? Leverage.Of(500),
            tier ?? new LeverageTier(5000m, Leverage.Of(500)));
}
