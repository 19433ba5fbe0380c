using System.Collections.Immutable;
using System.Text.Json;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>A core decision maps onto the decision message: lowercase verdict, rounded margin level, unlimited as a string.</summary>
public sealed class DecisionWriterTests
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

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Decision_Verdict_IsLowercase(Verdict verdict, string expected)
    {
        using var json = JsonDocument.Parse(WireWriter.Decision("c", Sample(verdict: verdict)));

        Assert.Equal(expected, json.RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [MemberData(nameof(MarginLevels))]
    public void Decision_MarginLevelAfter_IsRoundedTo2PlacesOrNullWhenInfinite(decimal equity, decimal margin, decimal? expected)
    {
        var frame = WireWriter.Decision("c", Sample(level: MarginLevel.Of(equity, margin)));

        using var json = JsonDocument.Parse(frame);
        var level = json.RootElement.GetProperty("marginLevelAfter");
        if (expected is null) Assert.Equal(JsonValueKind.Null, level.ValueKind);
        else Assert.Equal(expected.Value, level.GetDecimal());
    }

    [Fact]
    public void Decision_UnlimitedLeverage_IsTheStringUnlimited()
    {
        var frame = WireWriter.Decision("c", Sample(leverage: Leverage.Unlimited, tier: new LeverageTier(0m, Leverage.Unlimited)));

        using var json = JsonDocument.Parse(frame);
        Assert.Equal("unlimited", json.RootElement.GetProperty("leverage").GetString());
        Assert.Equal("unlimited", json.RootElement.GetProperty("tier").GetProperty("leverage").GetString());
    }

    [Fact]
    public void Decision_LimitedLeverage_IsANumber()
    {
        using var json = JsonDocument.Parse(WireWriter.Decision("c", Sample(leverage: Leverage.Of(200))));

        Assert.Equal(200m, json.RootElement.GetProperty("leverage").GetDecimal());
    }

    [Fact]
    public void Decision_ParsedBack_EqualsDecisionMessageFrom()
    {
        var decision = Sample();

        var parsed = WireParser.ParseServiceMessage(WireWriter.Decision("c-9", decision));

        Assert.True(parsed.IsSuccess, parsed.ToString());
        Assert.Equal(DecisionMessage.From("c-9", decision), parsed.Message);
        Assert.Equal(decision.ToMessage("c-9"), parsed.Message);
    }

    [Fact]
    public void Decision_SameAsSerializingTheMessage()
    {
        var decision = Sample();

        Assert.Equal(WireWriter.Serialize(DecisionMessage.From("x", decision)), WireWriter.Decision("x", decision));
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
