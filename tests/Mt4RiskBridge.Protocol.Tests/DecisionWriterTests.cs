using System.Text.Json;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>A decision frame written from its parts: lowercase verdict, unlimited as a string, the same bytes as the message.</summary>
public sealed class DecisionWriterTests
{
    public static TheoryData<WireVerdict, string> Verdicts() => new()
    {
        { WireVerdict.Approve, "approve" },
        { WireVerdict.Resize, "resize" },
        { WireVerdict.Reject, "reject" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Decision_Verdict_IsLowercase(WireVerdict verdict, string expected)
    {
        using var json = JsonDocument.Parse(WireWriter.Decision(Frame(Sample with { Verdict = verdict })));

        Assert.Equal(expected, json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Decision_NoMarginLevel_IsNull()
    {
        using var json = JsonDocument.Parse(WireWriter.Decision(Frame(Sample with { MarginLevelAfter = null })));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("marginLevelAfter").ValueKind);
    }

    [Fact]
    public void Decision_UnlimitedLeverage_IsTheStringUnlimited()
    {
        var frame = WireWriter.Decision(Frame(Sample with
        {
            Leverage = WireLeverage.Unlimited, Tier = new WireTier(0m, WireLeverage.Unlimited),
        }));

        using var json = JsonDocument.Parse(frame);
        Assert.Equal("unlimited", json.RootElement.GetProperty("leverage").GetString());
        Assert.Equal("unlimited", json.RootElement.GetProperty("tier").GetProperty("leverage").GetString());
    }

    [Fact]
    public void Decision_LimitedLeverage_IsANumber()
    {
        using var json = JsonDocument.Parse(WireWriter.Decision(Frame(Sample with { Leverage = WireLeverage.Of(200) })));

        Assert.Equal(200m, json.RootElement.GetProperty("leverage").GetDecimal());
    }

    [Fact]
    public void Decision_ParsedBack_EqualsTheMessage()
    {
        var parsed = WireParser.ParseServiceMessage(WireWriter.Decision(Frame(Sample)));

        Assert.True(parsed.IsSuccess, parsed.ToString());
        Assert.Equal(Sample, parsed.Message);
    }

    [Fact]
    public void Decision_SameAsSerializingTheMessage()
    {
        var noReasons = Sample with { Reasons = [] };

        Assert.Equal(WireWriter.Serialize(Sample), WireWriter.Decision(Frame(Sample)));
        Assert.Equal(WireWriter.Serialize(noReasons), WireWriter.Decision(Frame(noReasons)));
    }

    private static readonly DecisionMessage Sample = new(
        WireVerdict.Resize, 1.20m, 2.00m,
        [new WireReason("lot_cap_order", "Order cap 1.20 lots.", 1.20m), new WireReason("margin_floor", "Floor \"500%\".", 0.5m)],
        511.27m, WireLeverage.Of(500), new WireTier(5000m, WireLeverage.Of(500))) { Id = "c-9" };

    private static DecisionFrame<Reasons> Frame(DecisionMessage m) =>
        new(m.Id, m.Verdict, m.Lots, m.RequestedLots, new Reasons(m.Reasons), m.MarginLevelAfter, m.Leverage, m.Tier);

    /// <summary>Reasons held in a caller's own shape, as the host holds the engine's.</summary>
    private readonly struct Reasons(EquatableArray<WireReason> reasons) : IDecisionReasons
    {
        public int Count => reasons.Count;

        public string Code(int index) => reasons[index].Code;

        public string Message(int index) => reasons[index].Message;

        public decimal MaxLots(int index) => reasons[index].MaxLots;
    }
}
