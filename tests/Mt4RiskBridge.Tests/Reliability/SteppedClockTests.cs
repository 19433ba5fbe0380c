using Microsoft.Extensions.Time.Testing;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Reliability;

/// <summary>The wall clock stepped back (NTP, an operator) neither makes old state fresh nor freezes a budget.</summary>
public sealed class SteppedClockTests
{
    private static string Code(System.Text.Json.JsonElement reply) =>
        reply.GetProperty("type").GetString() == "error" ? reply.GetProperty("code").GetString()! : reply.GetProperty("type").GetString()!;

    [Fact]
    public async Task StateOlderThanTheLimit_StaysStale_WhenTheWallClockStepsBackAnHour()
    {
        SteppedClock? clock = null;
        FakeTimeProvider? fake = null;
        await using var bridge = await BridgeHarness.StartWithClockAsync(time => clock = new SteppedClock(fake = time), "--Bridge:StaleAfterSeconds=10");
        var client = bridge.Dealer();
        Assert.Equal("welcome", Code(client.Ask(Wire.Hello(1001))));
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        Assert.Equal("ack", Code(client.Ask(Wire.Account(10_000m, id: "a1"))));
        Assert.Equal("approve", client.Ask(Wire.Check("fresh", 0.1m)).GetProperty("verdict").GetString());

        clock!.Step(TimeSpan.FromHours(-1));
        fake!.Advance(TimeSpan.FromSeconds(11));

        var decision = client.Ask(Wire.Check("old", 0.1m));
        Assert.Equal("reject", decision.GetProperty("verdict").GetString());
        Assert.Equal("stale_state", decision.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task MessageBudget_Refills_WhenTheWallClockStepsBack()
    {
        SteppedClock? clock = null;
        FakeTimeProvider? fake = null;
        await using var bridge = await BridgeHarness.StartWithClockAsync(time => clock = new SteppedClock(fake = time), "--Bridge:MaxMessagesPerSecond=5");
        var client = bridge.Dealer();
        Assert.Equal("welcome", Code(client.Ask(Wire.Hello(1001))));
        for (var i = 0; i < 4; i++) Assert.Equal("ack", Code(client.Ask($$"""{"v":1,"type":"heartbeat","id":"hb{{i}}"}""")));
        Assert.Equal("rate_limit", Code(client.Ask("""{"v":1,"type":"heartbeat","id":"over"}""")));

        clock!.Step(TimeSpan.FromHours(-1));
        fake!.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("ack", Code(client.Ask("""{"v":1,"type":"heartbeat","id":"later"}""")));
    }
}
