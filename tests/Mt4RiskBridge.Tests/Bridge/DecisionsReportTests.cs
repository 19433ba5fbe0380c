using System.Text.Json;
using Mt4RiskBridge.Reports;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>The report subcommand on the audit trail the running service wrote.</summary>
public sealed class DecisionsReportTests
{
    [Fact]
    public async Task Report_OnTheServicesOwnLog_CountsDecisionsPerVerdictAndReason()
    {
        var bridge = await BridgeHarness.StartAsync();
        await using (bridge)
        {
            var client = bridge.Dealer();
            client.Ask(Wire.Hello(1001));
            client.Send(Wire.EurUsdSpec);
            client.Send(Wire.EurUsdTick);
            client.Send(Wire.NoPositions);
            client.Ask(Wire.Account(10_000m, id: "a"));
            client.Ask(Wire.Check("c1", 1.00m));
            client.Ask(Wire.Check("c2", 40.00m));
            client.Ask(Wire.Check("c3", 1.00m, symbol: "USDTRY"));
            client.Ask(Wire.Check("c4", 0.50m));
            await bridge.StopAsync();

            // What the log itself says, read line by line, is what the report must count.
            var records = (await File.ReadAllLinesAsync(bridge.AuditPath)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            var rejectCode = records[2].GetProperty("reasons")[0].GetProperty("code").GetString()!;

            var json = Path.Combine(bridge.Folder, "decisions.json");
            var html = Path.Combine(bridge.Folder, "decisions.html");
            Assert.Equal(0, await BridgeApp.RunAsync(["report", bridge.AuditPath, "--json", json, "--html", html]));

            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = summary.RootElement;
            Assert.Equal("decisions", root.GetProperty("kind").GetString());
            Assert.Equal(4, root.GetProperty("decisions").GetInt32());
            Assert.Equal([1001L], root.GetProperty("logins").EnumerateArray().Select(l => l.GetInt64()));
            var byVerdict = root.GetProperty("byVerdict");
            Assert.Equal(2, byVerdict.GetProperty("approve").GetInt32());
            Assert.Equal(1, byVerdict.GetProperty("resize").GetInt32());
            Assert.Equal(1, byVerdict.GetProperty("reject").GetInt32());
            Assert.Equal(1, root.GetProperty("reasonsByVerdict").GetProperty("resize").GetProperty("margin_floor").GetInt32());
            Assert.Equal(1, root.GetProperty("reasonsByVerdict").GetProperty("reject").GetProperty(rejectCode).GetInt32());
            Assert.Equal(0, root.GetProperty("unreadableLines").GetInt32());
            Assert.Contains("4 decisions for 1 accounts", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        }
    }
}
