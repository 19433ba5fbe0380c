using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// The size request over a real DEALER socket. The account: 10,000 USD at 1:500 (the shipped tier table puts 10,000
/// in the 1:1,000 tier, so 1:500 applies) with a 200% margin floor; EURUSD at 1.1000 / 1.1002, ticks of 0.00001 worth
/// 1 USD per lot, 220.04 USD of margin per lot (110,020 ÷ 500), 20 USD of spread per lot.
/// </summary>
public sealed class SizeRequestTests
{
    private static async Task<(BridgeHarness Bridge, TestClient Client)> StartAsync()
    {
        var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        Assert.Equal("welcome", client.Ask(Wire.Hello(1001)).GetProperty("type").GetString());
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        Assert.Equal("ack", client.Ask(Wire.Account(10_000m, id: "sync")).GetProperty("type").GetString());
        return (bridge, client);
    }

    private static string Size(string id, decimal sl, decimal riskPercent, string side = "buy", string extra = "") =>
        $$"""{"v":1,"type":"size","id":"{{id}}","symbol":"EURUSD","side":"{{side}}","sl":{{sl}},"riskPercent":{{riskPercent}}{{extra}}}""";

    private static (decimal Lots, decimal RiskLots, decimal LossPerLot, decimal RiskAmount, string[] Codes) Read(JsonElement reply)
    {
        Assert.Equal("suggestion", reply.GetProperty("type").GetString());
        return (reply.GetProperty("lots").GetDecimal(), reply.GetProperty("riskLots").GetDecimal(), reply.GetProperty("lossPerLot").GetDecimal(),
            reply.GetProperty("riskAmount").GetDecimal(), reply.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());
    }

    [Fact]
    public async Task Size_RiskBinds_SuggestsTheBudgetOverTheLossPerLot()
    {
        var (bridge, client) = await StartAsync();
        await using (bridge)
        {
            // Buy at the ask 1.1002, stop 1.0952: 0.0050 ÷ 0.00001 × 1 = 500 USD per lot; 1% of 10,000 = 100 USD → 0.20 lots.
            var reply = client.Ask(Size("s1", 1.0952m, 1m));

            var (lots, riskLots, lossPerLot, riskAmount, codes) = Read(reply);
            Assert.Equal("s1", reply.GetProperty("id").GetString());
            Assert.Equal((0.20m, 0.20m, 500m, 100m), (lots, riskLots, lossPerLot, riskAmount));
            Assert.Empty(codes);
        }
    }

    [Fact]
    public async Task Size_MarginFloorBinds_SuggestsWhatTheDecisionOfThatSizeAllows()
    {
        var (bridge, client) = await StartAsync();
        await using (bridge)
        {
            // Stop 1.0992: 100 USD per lot; 50% = 5,000 USD → 50 risk lots. The floor allows (10,000 − 20 L) ÷ (220.04 L) ≥ 2,
            // L ≤ 10,000 ÷ 460.08 = 21.735 → 21.73.
            var (lots, riskLots, lossPerLot, riskAmount, codes) = Read(client.Ask(Size("s2", 1.0992m, 50m)));
            var check = client.Ask(Wire.Check("c2", 50m, extra: ",\"sl\":1.0992"));

            Assert.Equal((21.73m, 50m, 100m, 5_000m), (lots, riskLots, lossPerLot, riskAmount));
            Assert.Equal("margin_floor", codes[0]);
            // The same facts asked as a check of 50 lots get the same lots and reasons: one decision behind both.
            Assert.Equal(("resize", 21.73m), (check.GetProperty("verdict").GetString(), check.GetProperty("lots").GetDecimal()));
            Assert.Equal(codes, check.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!));
        }
    }

    [Fact]
    public async Task Size_WithSnapshot_IsSizedOnTheSnapshotsEquity()
    {
        var (bridge, client) = await StartAsync();
        await using (bridge)
        {
            // 1% of the snapshot's 1,000 USD = 10 USD; 500 USD per lot → 0.02 lots.
            var reply = client.Ask(Size("s3", 1.0952m, 1m, extra: ",\"snapshot\":{\"balance\":1000,\"equity\":1000,\"margin\":0,\"positions\":[]}"));

            var (lots, riskLots, lossPerLot, riskAmount, _) = Read(reply);
            Assert.Equal((0.02m, 0.02m, 500m, 10m), (lots, riskLots, lossPerLot, riskAmount));
        }
    }

    [Fact]
    public async Task Size_StopOnTheWrongSide_SuggestsNothingAndSaysWhy()
    {
        var (bridge, client) = await StartAsync();
        await using (bridge)
        {
            // A sell is entered at the bid 1.1000; a stop below it is on the wrong side.
            var (lots, _, _, _, codes) = Read(client.Ask(Size("s4", 1.0950m, 1m, side: "sell")));

            Assert.Equal(0m, lots);
            Assert.Equal("invalid_order", codes[0]);
        }
    }

    [Fact]
    public async Task Size_WithoutIdOrOverAHundredPercent_IsRefused()
    {
        var (bridge, client) = await StartAsync();
        await using (bridge)
        {
            client.Send("""{"v":1,"type":"size","symbol":"EURUSD","side":"buy","sl":1.0952,"riskPercent":1}""");
            var noId = client.Receive();
            var tooMuch = client.Ask(Size("s5", 1.0952m, 150m));

            Assert.Equal(("error", "bad_field", "id is required for size"),
                (noId.GetProperty("type").GetString(), noId.GetProperty("code").GetString(), noId.GetProperty("message").GetString()));
            Assert.Equal(("error", "s5", "riskPercent must be <= 100"),
                (tooMuch.GetProperty("type").GetString(), tooMuch.GetProperty("id").GetString(), tooMuch.GetProperty("message").GetString()));
        }
    }
}
