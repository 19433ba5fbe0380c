using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Security;

public sealed class InputLimitsTests
{
    private const string GbpUsdSpec =
        """{"v":1,"type":"symbol","id":"gbp","symbol":"GBPUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"GBP","profitCurrency":"USD","marginCurrency":"GBP","stopLevel":0}""";

    private static string PositionList(int count) =>
        "[" + string.Join(",", Enumerable.Range(1, count).Select(t => $$"""{"ticket":{{t}},"symbol":"EURUSD","side":"buy","lots":0.1,"openPrice":1.1}""")) + "]";

    private static string Positions(string id, int count) => $$"""{"v":1,"type":"positions","id":"{{id}}","positions":{{PositionList(count)}}}""";

    private static void AssertError(JsonElement reply, string code, string id, string names)
    {
        Assert.Equal(("error", code, id), (reply.GetProperty("type").GetString(), reply.GetProperty("code").GetString(), reply.GetProperty("id").GetString()));
        Assert.Contains(names, reply.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static BridgeCounters Counters(BridgeHarness bridge) => bridge.Host.Services.GetRequiredService<BridgeCounters>();

    [Fact]
    public async Task Positions_BeyondTheLimit_AreRefusedAndTheStoredListKept()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxPositionsPerAccount=2");
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        Assert.Equal("ack", client.Ask(Positions("two", 2)).GetProperty("type").GetString());

        AssertError(client.Ask(Positions("three", 3)), "limit_exceeded", "three", "Bridge:MaxPositionsPerAccount");
        AssertError(client.Ask(Wire.Check("snap", 1m, extra: $$""","snapshot":{"balance":1000,"equity":1000,"margin":0,"positions":{{PositionList(3)}}}""")),
            "limit_exceeded", "snap", "snapshot.positions");

        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(2, view.Account.Portfolio.Count);
        Assert.Equal(2, Counters(bridge).PositionsRefused);
    }

    [Fact]
    public async Task Symbols_BeyondTheLimit_AreRefusedForContractsAndQuotes()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxSymbolsPerAccount=1");
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        client.Send(Wire.EurUsdSpec);
        Assert.Equal("ack", client.Ask("""{"v":1,"type":"tick","id":"t1","symbol":"EURUSD","bid":1.1,"ask":1.1002,"time":1763640000}""").GetProperty("type").GetString());

        AssertError(client.Ask(GbpUsdSpec), "limit_exceeded", "gbp", "Bridge:MaxSymbolsPerAccount");
        AssertError(client.Ask("""{"v":1,"type":"tick","id":"t2","symbol":"GBPUSD","bid":1.27,"ask":1.2702,"time":1763640000}"""), "limit_exceeded", "t2", "GBPUSD");
        AssertError(client.Ask("""{"v":1,"type":"ticks","id":"t3","ticks":[{"symbol":"EURUSD","bid":1.1,"ask":1.1002,"time":1763640001},{"symbol":"XAUUSD","bid":2400,"ask":2400.3,"time":1763640001}]}"""),
            "limit_exceeded", "t3", "Bridge:MaxSymbolsPerAccount");
        // Known symbols still update.
        Assert.Equal("ack", client.Ask(Wire.EurUsdSpec.Replace("{\"v\":1,", "{\"v\":1,\"id\":\"again\",", StringComparison.Ordinal)).GetProperty("type").GetString());

        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Single(view.Symbols.Specs);
        Assert.Equal(1, view.Quotes.Count);
        Assert.Equal(3, Counters(bridge).SymbolsRefused);
    }

    [Fact]
    public async Task Connections_BeyondTheLimit_AreRefusedUntilOneExpires()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxConnections=2", "--Bridge:SessionTimeoutSeconds=5");
        var first = bridge.Dealer();
        var second = bridge.Dealer();
        Assert.Equal("welcome", first.Ask(Wire.Hello(1001)).GetProperty("type").GetString());
        Assert.Equal("welcome", second.Ask(Wire.Hello(1002)).GetProperty("type").GetString());

        var third = bridge.Dealer();
        AssertError(third.Ask(Wire.Hello(1003, id: "h3")), "limit_exceeded", "h3", "Bridge:MaxConnections");
        // Refused, it holds nothing: to the service it is a peer that has not said hello.
        AssertError(third.Ask("""{"v":1,"type":"heartbeat","id":"hb"}"""), "no_hello", "hb", "send hello");
        Assert.Equal(1, Counters(bridge).ConnectionsRefused);
        Assert.Equal("ack", first.Ask("""{"v":1,"type":"heartbeat","id":"ok"}""").GetProperty("type").GetString());

        // Silent connections expire with their sessions and make room: the sweep runs on the service's clock.
        // The first terminal saying hello again is the barrier: the sweep the clock queued has run by its answer.
        bridge.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("welcome", first.Ask(Wire.Hello(1001, id: "again")).GetProperty("type").GetString());
        Assert.Equal("welcome", third.Ask(Wire.Hello(1003, id: "h4")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Messages_FasterThanTheRate_AreRefusedWithTheirIdUntilTheBudgetRefills()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessagesPerSecond=5");
        var client = bridge.Dealer();
        var other = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        for (var i = 0; i < 4; i++) Assert.Equal("ack", client.Ask($$"""{"v":1,"type":"heartbeat","id":"hb{{i}}"}""").GetProperty("type").GetString());

        AssertError(client.Ask("""{"v":1,"type":"heartbeat","id":"over"}"""), "rate_limit", "over", "Bridge:MaxMessagesPerSecond");
        AssertError(client.Ask(Wire.Check("c-over", 1m)), "rate_limit", "c-over", "Bridge:MaxMessagesPerSecond");
        // The limit is per connection.
        Assert.Equal("welcome", other.Ask(Wire.Hello(1002)).GetProperty("type").GetString());

        bridge.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ack", client.Ask("""{"v":1,"type":"heartbeat","id":"later"}""").GetProperty("type").GetString());
        Assert.Equal(2, Counters(bridge).RateLimited);
    }

    [Fact]
    public async Task Hello_ForAnotherAccount_IsRefusedAndTheConnectionKeepsItsAccount()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));

        AssertError(client.Ask(Wire.Hello(2002, id: "other")), "account_mismatch", "other", "1001");

        Assert.False(bridge.Accounts.TryGet(2002, out _));
        // Still the connection of account 1001: its state messages land there.
        Assert.Equal("ack", client.Ask("""{"v":1,"type":"account","id":"a","balance":500,"equity":500,"margin":0,"freeMargin":500,"leverage":500,"time":1763640000}""").GetProperty("type").GetString());
        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(500m, view.Account.Equity);
        Assert.Equal("welcome", client.Ask(Wire.Hello(1001, id: "same")).GetProperty("type").GetString());
        Assert.Equal(1, Counters(bridge).AccountMismatch);
    }

    [Fact]
    public async Task FramesOverTheLimit_AreCounted()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessageBytes=1024");
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));

        client.Send("{\"v\":1,\"type\":\"heartbeat\",\"id\":\"big\",\"pad\":\"" + new string('x', 2000) + "\"}");
        Assert.Equal("too_large", client.Receive().GetProperty("code").GetString());
        client.SendFrames("{}", "{}");
        Assert.Equal("bad_json", client.Receive().GetProperty("code").GetString());

        Assert.Equal((1, 1), (Counters(bridge).TooLarge, Counters(bridge).BadFraming));
    }
}
