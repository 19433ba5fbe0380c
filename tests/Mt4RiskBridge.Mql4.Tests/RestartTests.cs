namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The service stops and a new one starts on the same endpoint: the monitor says hello again and resyncs.</summary>
[Collection(HarnessGroup.Name)]
public sealed class RestartTests(HarnessBuild build)
{
    [Fact]
    public async Task Monitor_ServiceRestarted_SaysHelloAgainAndResendsFullState()
    {
        var first = await BridgeHost.StartAsync();
        var endpoint = first.Endpoint;
        using var run = ScenarioRun.Start(build, "restart", endpoint, "--login", "7301");
        await using (first)
        {
            await run.WaitForLineAsync("READY up", Timeouts.Line);
            await first.WaitForAccountAsync(7301, positions: 2, symbols: 4, Timeouts.State);
        }

        await using var second = await BridgeHost.StartAsync(endpoint);
        Assert.False(second.Book.TryGet(7301, out _), "a new service starts empty");
        await run.GoAsync();
        await run.WaitForLineAsync("READY resynced", TimeSpan.FromSeconds(30));
        var view = await second.WaitForAccountAsync(7301, positions: 2, symbols: 4, Timeouts.State);
        Assert.Equal(10250.5m, view.Account.Equity);

        await run.GoAsync();
        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Equal(2, run.Lines.Count(l => l.Contains("Mt4RiskBridgeMonitor/1.0 connected to " + endpoint, StringComparison.Ordinal)));
    }
}
