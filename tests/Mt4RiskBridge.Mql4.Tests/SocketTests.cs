namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>Many checks and timer runs still use one socket and one context per EA (counted in the shim).</summary>
[Collection(HarnessGroup.Name)]
public sealed class SocketTests(HarnessBuild build)
{
    [Fact]
    public async Task Experts_TwentyChecks_OneSocketAndOneContextPerExpert()
    {
        await using var host = await BridgeHost.StartAsync(settings: "--Risk:RequireStopLoss=true");
        using var run = ScenarioRun.Start(build, "sockets", host.Endpoint, "--login", "7501", "--checks", "20", "--sl-points", "0",
            "--timeout-ms", "5000"); // about sockets, not speed: a loaded machine must not turn a decision into a timeout

        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Equal("2", run.Result("socketsCreated"));
        Assert.Equal("2", run.Result("contextsCreated"));
        Assert.Equal("2", run.Result("connects"));
        var rejected = run.Lines.Count(l => l.Contains("rejected: no_stop_loss", StringComparison.Ordinal) &&
                                            l.StartsWith("PRINT [Mt4RiskBridgeSampleEA] Mt4RiskBridge:", StringComparison.Ordinal));
        Assert.True(rejected == 20, $"{rejected} of 20 checks rejected for no_stop_loss; output:\n{run.Output}");
    }
}
