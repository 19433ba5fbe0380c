using System.Text;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>Messages the service pushes to the monitor: warnings to Alert (and a notification when critical), close instructions.</summary>
[Collection(HarnessGroup.Name)]
public sealed class PushTests(HarnessBuild build)
{
    private const string WarnMessage = "Marge à 180 % — près du plancher";

    [Fact]
    public async Task Monitor_WarningsAndCloseInstructionPushed_AlertNotifyAndClose()
    {
        await using var host = await BridgeHost.StartAsync();
        using var run = ScenarioRun.Start(build, "pushes", host.Endpoint,
            "--login", "7401", "--enforce", "true", "--expect-warnings", "2", "--expect-closed", "1");
        await host.WaitForAccountAsync(7401, positions: 2, symbols: 4, Timeouts.State);

        Push(host, 7401, "{\"v\":1,\"type\":\"warning\",\"code\":\"margin_level\",\"severity\":\"warn\",\"message\":\"" + WarnMessage +
                         "\",\"details\":{\"marginLevel\":180}}");
        Push(host, 7401, "{\"v\":1,\"type\":\"warning\",\"code\":\"tier_crossing\",\"severity\":\"critical\"," +
                         "\"message\":\"equity crossed into the 1:200 tier\",\"details\":{\"tier\":{\"minEquity\":10000,\"leverage\":200},\"leverage\":200}}");
        Push(host, 7401, "{\"v\":1,\"type\":\"instruction\",\"action\":\"close\",\"ticket\":1001,\"lots\":0.2}");

        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Contains("ALERT [Mt4RiskBridgeMonitor] Mt4RiskBridge [warn] margin_level: " + WarnMessage, run.Lines);
        Assert.Contains("ALERT [Mt4RiskBridgeMonitor] Mt4RiskBridge [critical] tier_crossing: equity crossed into the 1:200 tier", run.Lines);
        Assert.Contains("NOTIFY [Mt4RiskBridgeMonitor] Mt4RiskBridge [critical] tier_crossing: equity crossed into the 1:200 tier", run.Lines);
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("NOTIFY", StringComparison.Ordinal) && l.Contains("margin_level", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("ORDERCLOSE [Mt4RiskBridgeMonitor] ticket=1001 lots=0.20", StringComparison.Ordinal));
        Assert.Contains("Leverage in force: 1:200", run.Result("panel"), StringComparison.Ordinal);

        // the partial close went back to the service as a new position list
        Assert.True(host.Book.TryGet(7401, out var view));
        Assert.Equal(0.3m, view.Account.Portfolio.Positions.Single(p => p.Ticket == 1001).Lots);
    }

    private static void Push(BridgeHost host, long login, string json) => host.Server.Push(login, Encoding.UTF8.GetBytes(json));
}
