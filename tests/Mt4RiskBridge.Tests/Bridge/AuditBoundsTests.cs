using Mt4RiskBridge.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>The audit trail stays small whatever a terminal sends, and outlives a full disk without a restart.</summary>
public sealed class AuditBoundsTests
{
    private static void StreamState(TestClient client)
    {
        Assert.Equal("welcome", client.Ask(Wire.Hello(1001)).GetProperty("type").GetString());
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        Assert.Equal("ack", client.Ask(Wire.Account(10_000m, id: "a")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task LongComment_IsCut_AndARateLimitedRejectIsWrittenCompactly()
    {
        var bridge = await BridgeHarness.StartAsync("{}", "--Limits:MaxChecksPerSecond=1");
        await using (bridge)
        {
            var client = bridge.Dealer();
            StreamState(client);
            var comment = "," + "\"comment\":\"" + new string('c', 100_000) + "\"";
            Assert.Equal("approve", client.Ask(Wire.Check("c1", 0.1m, extra: comment)).GetProperty("verdict").GetString());
            Assert.Equal("reject", client.Ask(Wire.Check("c2", 0.1m, extra: comment)).GetProperty("verdict").GetString());
            await bridge.StopAsync();

            var lines = await File.ReadAllLinesAsync(bridge.AuditPath);
            Assert.Equal(2, lines.Length);
            var first = JsonDocument.Parse(lines[0]).RootElement.GetProperty("request");
            Assert.Equal(new string('c', AuditLine.MaxCommentLength), first.GetProperty("comment").GetString());
            Assert.Equal(100_000, first.GetProperty("commentLength").GetInt32());

            var limited = JsonDocument.Parse(lines[1]).RootElement;
            Assert.Equal("rate_limit", limited.GetProperty("reasons")[0].GetProperty("code").GetString());
            Assert.True(limited.GetProperty("compact").GetBoolean());
            Assert.False(limited.TryGetProperty("state", out _));
            Assert.True(lines[1].Length < 700, $"a rate-limited reject took {lines[1].Length} bytes");
        }
    }

    [Fact]
    public async Task FullDisk_RefusesDecisions_ThenTheTrailGoesOnWhenSpaceReturns()
    {
        var disk = new FillingDisk();
        var bridge = await BridgeHarness.StartWithServicesAsync(services => services.AddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<IOptions<BridgeOptions>>(), sp.GetRequiredService<ILogger<AuditTrail>>(),
            sp.GetRequiredService<BridgeMetrics>(), disk.Open)));
        await using (bridge)
        {
            var client = bridge.Dealer();
            StreamState(client);
            Assert.Equal("approve", client.Ask(Wire.Check("before", 0.1m)).GetProperty("verdict").GetString());

            disk.Full = true;
            var refused = client.Ask(Wire.Check("full", 0.1m));
            Assert.Equal(("error", "engine_error"), (refused.GetProperty("type").GetString(), refused.GetProperty("code").GetString()));

            disk.Full = false;
            // The trail tries the disk again at most once a second: ask until it answers with a decision again.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            JsonElement reply;
            var attempt = 0;
            do
            {
                reply = client.Ask(Wire.Check("after" + attempt++, 0.1m));
            }
            while (reply.GetProperty("type").GetString() != "decision" && DateTime.UtcNow < deadline && await Pause());
            Assert.Equal("decision", reply.GetProperty("type").GetString());
            await bridge.StopAsync();

            var ids = (await File.ReadAllLinesAsync(bridge.AuditPath)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(["before", reply.GetProperty("id").GetString()!], ids);
        }
    }

    [Fact]
    public async Task Trail_RollsBySize_KeepsTheNewestFiles_AndLosesNoDecision()
    {
        var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:AuditRollBytes=4096", "--Bridge:AuditRetainFiles=2");
        await using (bridge)
        {
            var client = bridge.Dealer();
            StreamState(client);
            var ids = Enumerable.Range(0, 40).Select(i => "c" + i).ToArray();
            foreach (var id in ids) Assert.Equal("decision", client.Ask(Wire.Check(id, 0.1m)).GetProperty("type").GetString());
            await bridge.StopAsync();

            var folder = Path.GetDirectoryName(bridge.AuditPath)!;
            var archives = Directory.GetFiles(folder, "decisions-*.jsonl").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(2, archives.Length);
            var files = archives.Append(bridge.AuditPath).ToArray();
            Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 4096, f + " is over the roll size"));
            // The newest files hold the newest decisions, in order, each line whole; only whole older files are gone.
            var kept = files.SelectMany(File.ReadAllLines).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(ids[^kept.Length..], kept);
        }
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(100);
        return true;
    }
}
