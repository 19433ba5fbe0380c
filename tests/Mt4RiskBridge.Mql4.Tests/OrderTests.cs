namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The sample EA's RiskBridgeOrderSend against the real host: resize, reject, and the service gone.</summary>
[Collection(HarnessGroup.Name)]
public sealed class OrderTests(HarnessBuild build)
{
    private const int UserErrorRejected = 65536 + 1;
    private const int UserErrorUnreachable = 65536 + 2;

    [Fact]
    public async Task OrderSend_ServiceResizes_OrderSendReceivesApprovedLots()
    {
        await using var host = await BridgeHost.StartAsync(settings: "--Risk:LotCaps:MaxLotsPerOrder=1");
        using var run = ScenarioRun.Start(build, "order", host.Endpoint,
            "--login", "7201", "--monitor", "true", "--lots", "3", "--expect", "sent", "--expect-lots", "1");

        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Equal("1.00", run.Result("sentLots"));
        Assert.Equal("1", run.Result("verdict"));
        Assert.Contains("lot_cap_order", run.Result("reason"), StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.StartsWith("ORDERSEND [Mt4RiskBridgeSampleEA] EURUSD cmd=0 lots=1.00", StringComparison.Ordinal));
        Assert.Contains("Last decision: resize 3.00 -> 1.00 lots", run.Result("panel"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderSend_SizedByRiskPercent_SendsTheServicesSuggestion()
    {
        // The sample EA buys EURUSD at the ask 1.08412 with its stop 300 points below, 1.08112: 0.00300 ÷ 0.00001 × 1 USD =
        // 300 USD per lot. 1% of the snapshot's 10,250.50 USD equity = 102.505 USD → 0.3416 → 0.34 lots, which every rule
        // of the shipped settings allows.
        await using var host = await BridgeHost.StartAsync();
        using var run = ScenarioRun.Start(build, "order", host.Endpoint,
            "--login", "7205", "--risk-percent", "1", "--expect", "sent", "--expect-lots", "0.34");

        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Contains(run.Lines, l => l.Contains("Mt4RiskBridgeSampleEA: Mt4RiskBridge: EURUSD buy sl 1.08112 risking 1.00%: 0.34 lots", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("ORDERSEND [Mt4RiskBridgeSampleEA] EURUSD cmd=0 lots=0.34", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrderSend_ServiceRejects_NoOrderAndTheReasonIsGiven()
    {
        await using var host = await BridgeHost.StartAsync(settings: "--Risk:RequireStopLoss=true");
        using var run = ScenarioRun.Start(build, "order", host.Endpoint,
            "--login", "7202", "--lots", "1", "--sl-points", "0", "--expect", "none",
            "--expect-error", UserErrorRejected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--expect-reason", "no_stop_loss");

        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Equal("2", run.Result("verdict"));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("ORDERSEND", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.Contains("Mt4RiskBridgeSampleEA: no order: Mt4RiskBridge: EURUSD buy 1.00 lots rejected: no_stop_loss", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrderSend_ServiceStopped_FailsClosedWithinTimeout()
    {
        var host = await BridgeHost.StartAsync();
        await using (host)
        {
            using var run = ScenarioRun.Start(build, "order", host.Endpoint,
                "--login", "7203", "--pause", "true", "--timeout-ms", "500", "--lots", "1", "--expect", "none",
                "--max-ms", "650", "--expect-error", UserErrorUnreachable.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--expect-reason", "fail-closed", "--expect-reason2", "-check-");
            await run.WaitForLineAsync("READY before-order", Timeouts.Line);
            Assert.True(host.Book.TryGet(7203, out _), "the sample EA said hello before the service stopped");
            await host.StopAsync();
            await run.GoAsync();

            await run.AssertPassesAsync(Timeouts.Exit);
            Assert.True(int.Parse(run.Result("tickMs"), System.Globalization.CultureInfo.InvariantCulture) <= 650);
            Assert.Matches("check \"Mt4RiskBridgeSampleEA-[0-9]+-check-[0-9]+\" \\(EURUSD buy 1.00 lots\\)", run.Result("reason"));
            Assert.Contains("within 500 ms; fail-closed", run.Result("reason"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OrderSend_ServiceDownFailOpen_SendsRequestedLotsAndSaysSo()
    {
        var host = await BridgeHost.StartAsync();
        var endpoint = host.Endpoint;
        await host.DisposeAsync(); // nothing listens there now

        using var run = ScenarioRun.Start(build, "order", endpoint,
            "--login", "7204", "--timeout-ms", "300", "--fail-mode", "open", "--lots", "1.5", "--expect", "sent",
            "--expect-lots", "1.5", "--max-ms", "450", "--expect-reason", "fail-open");

        await run.AssertPassesAsync(Timeouts.Exit);
        Assert.Contains(run.Lines, l => l.Contains("bridge unreachable", StringComparison.Ordinal) &&
                                        l.Contains("fail-open: the requested 1.50 lots are approved unchecked", StringComparison.Ordinal));
    }
}
