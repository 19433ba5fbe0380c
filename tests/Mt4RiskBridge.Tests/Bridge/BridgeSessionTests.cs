using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

public sealed class BridgeSessionTests
{
    internal static void StreamState(TestClient client, long login, decimal equity, int leverage = 500)
    {
        Assert.Equal("welcome", client.Ask(Wire.Hello(login, leverage)).GetProperty("type").GetString());
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        // An id on the last message makes its ack the sign that everything before it was applied.
        Assert.Equal("ack", client.Ask(Wire.Account(equity, leverage).Replace("{\"v\":1,", "{\"v\":1,\"id\":\"sync\",", StringComparison.Ordinal)).GetProperty("type").GetString());
    }

    private static (string Verdict, decimal Lots, string[] Codes) Verdict(JsonElement decision)
    {
        Assert.Equal("decision", decision.GetProperty("type").GetString());
        return (
            decision.GetProperty("verdict").GetString()!,
            decision.GetProperty("lots").GetDecimal(),
            decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());
    }

    private static (string Verdict, decimal Lots) VerdictAndLots(JsonElement decision)
    {
        var (verdict, lots, _) = Verdict(decision);
        return (verdict, lots);
    }

    [Fact]
    public async Task Hello_OnDealer_IsWelcomedWithSessionProtocolAndHeartbeat()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();

        var welcome = client.Ask(Wire.Hello(1001));

        Assert.Equal("welcome", welcome.GetProperty("type").GetString());
        Assert.Equal("h1", welcome.GetProperty("id").GetString());
        Assert.Equal(1, welcome.GetProperty("protocol").GetInt32());
        Assert.Equal(1000, welcome.GetProperty("heartbeatMs").GetInt32());
        Assert.False(string.IsNullOrEmpty(welcome.GetProperty("session").GetString()));
    }

    [Fact]
    public async Task FullStateStream_IsStoredAsTheTerminalSentIt()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);
        client.Send("""{"v":1,"type":"positions","positions":[{"ticket":7,"symbol":"EURUSD","side":"sell","lots":0.3,"openPrice":1.0950,"sl":1.1050,"tp":0,"profit":-15.5,"swap":-0.2,"commission":-2.1,"openTime":1763630000,"magic":42}]}""");
        Assert.Equal("ack", client.Ask("""{"v":1,"type":"heartbeat","id":"hb"}""").GetProperty("type").GetString());

        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(10_000m, view.Account.Equity);
        Assert.Equal("1:500", view.Account.Leverage.ToString());
        Assert.Equal(100m, view.Account.MarginCallLevel);
        Assert.True(view.Symbols.TryGet("EURUSD", out var spec));
        Assert.Equal(100_000m, spec.ContractSize);
        Assert.Equal(Core.InstrumentClass.ForexMajor, spec.Class);
        Assert.True(view.Quotes.TryGetQuote("EURUSD", out var quote));
        Assert.Equal((1.1000m, 1.1002m), (quote.Bid, quote.Ask));
        var position = Assert.Single(view.Account.Portfolio.Positions);
        Assert.Equal((7L, Core.Side.Sell, 0.3m, 1.0950m, 42L), (position.Ticket, position.Side, position.Lots, position.OpenPrice, position.Magic));
    }

    [Fact]
    public async Task Checks_ApproveResizeAndReject_WithTheEnginesLots()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);

        // 1 lot at 1.1002 and 1:500 needs 220.04 USD: far above the 200% floor.
        Assert.Equal(("approve", 1.00m), VerdictAndLots(client.Ask(Wire.Check("c1", 1.00m))));
        // Floor 200%: (10,000 - 20 L spread) / (220.04 L) >= 2  ->  L <= 21.73.
        var resize = Verdict(client.Ask(Wire.Check("c2", 40.00m)));
        Assert.Equal(("resize", 21.73m), (resize.Verdict, resize.Lots));
        Assert.Contains("margin_floor", resize.Codes);
        var reject = Verdict(client.Ask(Wire.Check("c3", 1.00m, symbol: "USDTRY")));
        Assert.Equal(("reject", 0m), (reject.Verdict, reject.Lots));
        Assert.Equal(["unknown_symbol"], reject.Codes);
    }

    [Fact]
    public async Task Decision_CarriesMarginLevelLeverageAndTier()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);

        var decision = client.Ask(Wire.Check("c1", 1.00m));

        Assert.Equal("c1", decision.GetProperty("id").GetString());
        Assert.Equal(1.00m, decision.GetProperty("requestedLots").GetDecimal());
        // The broker's 220.04 per lot is a floor for either side, so the leverage in force is 110,000 / 220.04
        // (bid notional), and a buy at 1.1002 costs 110,020 / that = 220.08: (10,000 - 20 spread) / 220.08 = 4534.71%.
        Assert.Equal(4534.71m, decision.GetProperty("marginLevelAfter").GetDecimal());
        // 110,000 / 220.04 = 499.909..., sent to 2 places toward less leverage.
        Assert.Equal(499.90m, decision.GetProperty("leverage").GetDecimal());
        Assert.Equal(5000m, decision.GetProperty("tier").GetProperty("minEquity").GetDecimal());
        Assert.Equal(1000m, decision.GetProperty("tier").GetProperty("leverage").GetDecimal());
    }

    [Fact]
    public async Task Check_WithSnapshot_IsJudgedOnTheSnapshotNotTheStoredState()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);

        // Stored equity 10,000 would approve 5 lots; the snapshot says 1,000: (1,000 - 20 L) / 220.04 L >= 2 -> 2.17.
        var decision = Verdict(client.Ask(Wire.Check("s1", 5.00m, extra: ""","snapshot":{"balance":1000,"equity":1000,"margin":0,"positions":[]}""")));

        Assert.Equal(("resize", 2.17m), (decision.Verdict, decision.Lots));
        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(10_000m, view.Account.Equity);
    }

    [Fact]
    public async Task Check_AfterStateAgesPastTheLimit_IsRejectedAsStale()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);
        Assert.Equal("approve", Verdict(client.Ask(Wire.Check("fresh", 1.00m))).Verdict);

        bridge.Time.Advance(TimeSpan.FromSeconds(11));
        var stale = Verdict(client.Ask(Wire.Check("old", 1.00m)));

        Assert.Equal(("reject", 0m), (stale.Verdict, stale.Lots));
        Assert.Contains("stale_state", stale.Codes);
    }

    [Fact]
    public async Task Check_BeforeAnyAccountMessage_IsRejectedAsStale()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);

        var decision = Verdict(client.Ask(Wire.Check("c1", 1.00m)));

        Assert.Equal("reject", decision.Verdict);
        Assert.Contains("stale_state", decision.Codes);
    }

    [Fact]
    public async Task TwoAccounts_AreKeptApart()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var rich = bridge.Dealer();
        var small = bridge.Dealer();
        StreamState(rich, 1001, 10_000m);
        StreamState(small, 2002, 1_000m);

        Assert.Equal(("approve", 5.00m), VerdictAndLots(rich.Ask(Wire.Check("r", 5.00m))));
        Assert.Equal(("resize", 2.17m), VerdictAndLots(small.Ask(Wire.Check("s", 5.00m))));
        Assert.True(bridge.Accounts.TryGet(1001, out var a));
        Assert.True(bridge.Accounts.TryGet(2002, out var b));
        Assert.Equal((10_000m, 1_000m), (a.Account.Equity, b.Account.Equity));
    }

    [Fact]
    public async Task TwoConnectionsOfOneAccount_ShareItsState()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var monitor = bridge.Dealer();
        var strategy = bridge.Dealer();
        StreamState(monitor, 1001, 1_000m);
        Assert.Equal("welcome", strategy.Ask(Wire.Hello(1001, id: "h2")).GetProperty("type").GetString());

        // The strategy EA sent no state of its own; the monitor's stream judges its order.
        Assert.Equal(("resize", 2.17m), VerdictAndLots(strategy.Ask(Wire.Check("x", 5.00m))));
        Assert.Equal(1, bridge.Accounts.Count);
    }

    [Fact]
    public async Task ReqSocket_GetsRepliesInItsEnvelope()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var feed = bridge.Dealer();
        StreamState(feed, 1001, 10_000m);
        var req = bridge.Req();

        Assert.Equal("welcome", req.Ask(Wire.Hello(1001, id: "r1")).GetProperty("type").GetString());
        Assert.Equal(("approve", 1.00m), VerdictAndLots(req.Ask(Wire.Check("r2", 1.00m))));
        Assert.Equal("ack", req.Ask("""{"v":1,"type":"heartbeat","id":"r3"}""").GetProperty("type").GetString());
    }

    [Fact]
    public async Task RiskSettingsChange_AppliesToTheNextDecision()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 3 } } }""");
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);
        Assert.Equal(("resize", 3.00m), VerdictAndLots(client.Ask(Wire.Check("a", 5.00m))));

        await bridge.ChangeSettingsAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 1.5 } } }""");

        var after = Verdict(client.Ask(Wire.Check("b", 5.00m)));
        Assert.Equal(("resize", 1.50m), (after.Verdict, after.Lots));
        Assert.Equal(["lot_cap_order"], after.Codes);
    }

    [Fact]
    public async Task RiskSettingsChange_ThatIsInvalid_KeepsThePreviousLimits()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 3 } } }""");
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);

        await bridge.ChangeSettingsAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": -1 } } }""");

        Assert.Equal(("resize", 3.00m), VerdictAndLots(client.Ask(Wire.Check("a", 5.00m))));
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("{}")]
    [InlineData("""{ "Serilog": { "MinimumLevel": { "Default": "Warning" } } }""")]
    [InlineData("""{ "Risk": { "MarginLevelFloorPercent": 200 } }""")]
    public async Task RiskSettingsReload_OfAFileWithoutTheSection_KeepsTheCaps(string settings)
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Risk": { "MarginLevelFloorPercent": 200, "LotCaps": { "MaxLotsPerOrder": 2 } } }""");
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);
        Assert.Equal(("resize", 2.00m), VerdictAndLots(client.Ask(Wire.Check("a", 5.00m))));

        if (settings == "deleted") bridge.DeleteSettings();
        else await bridge.ChangeSettingsAsync(settings);

        // Built-in defaults would have the caps off and approve all 5 lots.
        var after = Verdict(client.Ask(Wire.Check("b", 5.00m)));
        Assert.Equal(("resize", 2.00m), (after.Verdict, after.Lots));
        Assert.Equal(["lot_cap_order"], after.Codes);
    }

    [Fact]
    public async Task RiskSettingsReload_AfterARefusedOne_StillAppliesAWholeFile()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 2 } } }""");
        var client = bridge.Dealer();
        StreamState(client, 1001, 10_000m);
        bridge.DeleteSettings();

        await bridge.ChangeSettingsAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 4 } } }""");

        Assert.Equal(("resize", 4.00m), VerdictAndLots(client.Ask(Wire.Check("a", 5.00m))));
    }
}
