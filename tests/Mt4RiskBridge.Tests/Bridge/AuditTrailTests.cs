using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

public sealed class AuditTrailTests
{
    /// <summary>An account of 10,000 USD with EURUSD streamed asks for an approve (c1), a resize (c2) and a reject (c3, an unknown symbol).</summary>
    private static void AskThreeChecks(BridgeHarness bridge, string firstExtra)
    {
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        client.Ask(Wire.Account(10_000m).Replace("{\"v\":1,", "{\"v\":1,\"id\":\"a\",", StringComparison.Ordinal));
        client.Ask(Wire.Check("c1", 1.00m, extra: firstExtra));
        client.Ask(Wire.Check("c2", 40.00m));
        client.Ask(Wire.Check("c3", 1.00m, symbol: "USDTRY"));
    }

    [Fact]
    public async Task EveryDecision_IsOneJsonLineWithRequestStateAndAnswer()
    {
        var bridge = await BridgeHarness.StartAsync();
        await using (bridge)
        {
            AskThreeChecks(bridge, ""","sl":1.0950,"comment":"breakout" """);

            // Stopping flushes the writer; the lines must all be there afterwards.
            await bridge.StopAsync();

            var lines = await File.ReadAllLinesAsync(bridge.AuditPath);
            Assert.Equal(3, lines.Length);
            var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(["c1", "c2", "c3"], records.Select(r => r.GetProperty("id").GetString()));
            Assert.Equal(["approve", "resize", "reject"], records.Select(r => r.GetProperty("verdict").GetString()));
            Assert.Equal([1.00m, 21.73m, 0m], records.Select(r => r.GetProperty("lots").GetDecimal()));

            var first = records[0];
            Assert.Equal(1001, first.GetProperty("login").GetInt64());
            Assert.Equal("EURUSD", first.GetProperty("request").GetProperty("symbol").GetString());
            Assert.Equal(1.0950m, first.GetProperty("request").GetProperty("sl").GetDecimal());
            Assert.Equal("breakout", first.GetProperty("request").GetProperty("comment").GetString());
            Assert.Equal(10_000m, first.GetProperty("state").GetProperty("equity").GetDecimal());
            Assert.Equal("1:500", first.GetProperty("state").GetProperty("accountLeverage").GetString());
            Assert.True(first.GetProperty("latencyUs").GetDouble() > 0);
            Assert.Equal("margin_floor", records[1].GetProperty("reasons")[0].GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task EveryCheckLine_CarriesFactsThatReproduceItsDecision()
    {
        var bridge = await BridgeHarness.StartAsync();
        await using (bridge)
        {
            AskThreeChecks(bridge, "");
            await bridge.StopAsync();

            var lines = await File.ReadAllLinesAsync(bridge.AuditPath);
            var replay = new Reports.WhatIfReplay(new Reports.WhatIfProfile("same", p => p), Core.RiskPolicy.Default);
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.True(Reports.AuditRecordReader.TryRead(lines[i], i + 1, out var record));
                Assert.Equal(2, record!.Version);
                Assert.NotNull(record.Check);
                replay.Add(record);
            }

            // The harness runs the built-in policy: judged again from the line alone, each decision is the one sent.
            var result = replay.Result();
            Assert.Equal((3, 3), (result.Replayed, result.Reproduced));
            Assert.Empty(result.Changed);
        }
    }

    [Fact]
    public async Task DecisionReceived_IsAlreadyInTheFileWithoutWaitingForAFlush()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Account(10_000m).Replace("{\"v\":1,", "{\"v\":1,\"id\":\"a\",", StringComparison.Ordinal));

        for (var i = 0; i < 50; i++)
        {
            var id = "d" + i;
            Assert.Equal(id, client.Ask(Wire.Check(id, 0.10m)).GetProperty("id").GetString());

            // Read as another process would, while the service is still running.
            using var stream = new FileStream(bridge.AuditPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(i + 1, lines.Length);
            Assert.Equal(id, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task TornLastLineFromAnEarlierRun_IsClosedOffBeforeNewLines()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "decisions.jsonl"), "{\"id\":\"whole\"}\n{\"id\":\"cut sh");

        await using var bridge = await BridgeHarness.StartInAsync(folder);
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Account(10_000m, id: "a"));
        client.Ask(Wire.Check("after", 0.10m));

        using var stream = new FileStream(bridge.AuditPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("{\"id\":\"cut sh", lines[1]);
        Assert.Equal("after", JsonDocument.Parse(lines[2]).RootElement.GetProperty("id").GetString());
    }
}
