using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.TestSupport.Drills;
using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>Warnings and gates of the exposure monitor, over real sockets, driven by server times and a fake clock.</summary>
public sealed class ExposureWarningTests
{
    // 2026-11-20 is a Friday; the default weekly close is 23:59 server time.
    private static readonly long FridayEvening = Wire.ServerTime(2026, 11, 20, 21, 30);

    private static TestClient Connect(BridgeHarness bridge, long login = 1001, int leverage = 500)
    {
        var client = bridge.Dealer();
        Assert.Equal("welcome", client.Ask(Wire.Hello(login, leverage)).GetProperty("type").GetString());
        // An unlimited account's broker reports no per-lot margin; a levered one reports it at its leverage.
        client.Send(leverage == 0 ? Wire.EurUsdSpec.Replace("\"marginRequired\":220.04,", "", StringComparison.Ordinal) : Wire.EurUsdSpec);
        return client;
    }

    private static string[] Codes(JsonElement decision) =>
        decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task CheckInsideTheWeekendWindow_IsJudgedAtTheWindowCapAndSaysSo()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = Connect(bridge);
        client.Send(Wire.Tick("EURUSD", 1.1000m, 1.1002m, FridayEvening));
        client.Send(Wire.NoPositions);
        client.Ask(Wire.Account(10_000m, time: FridayEvening, id: "a"));

        var decision = client.Ask(Wire.Check("w", 1.00m));

        Assert.Equal("approve", decision.GetProperty("verdict").GetString());
        Assert.Equal(200m, decision.GetProperty("leverage").GetDecimal());
        Assert.Contains("weekend_window", Codes(decision));
    }

    [Fact]
    public async Task CheckOnAThursday_HasNoWindow()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        client.Ask(Wire.Account(10_000m, id: "a"));

        var decision = client.Ask(Wire.Check("t", 1.00m));

        Assert.Empty(Codes(decision));
    }

    [Fact]
    public async Task OpenPositionsBeforeTheClose_GetAWeekendExposureWarning()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = Connect(bridge, leverage: 2000);
        client.Send(Wire.Tick("EURUSD", 1.1000m, 1.1002m, FridayEvening));
        // Long 2 lots: a 2% gap on a major loses 4,400, 14.7% of 30,000, over the 10% limit.
        client.Ask(Wire.Positions("p", (7, "buy", 2.00m, 1.1000m)));

        client.Send(Wire.Account(30_000m, leverage: 2000, margin: 110m, time: FridayEvening));
        var warning = client.ReceiveType("warning");

        Assert.Equal("weekend_exposure", warning.GetProperty("code").GetString());
        Assert.Equal("warn", warning.GetProperty("severity").GetString());
        var details = warning.GetProperty("details");
        Assert.Equal(4_400m, details.GetProperty("loss").GetDecimal());
        Assert.Equal(25_600m, details.GetProperty("equityAfter").GetDecimal());
        Assert.Equal(7, details.GetProperty("positions")[0].GetProperty("ticket").GetInt64());
    }

    [Fact]
    public async Task EquityCrossingATierBoundary_GetsATierChangeWarning()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = Connect(bridge, leverage: 0);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Positions("p", (7, "buy", 9.00m, 1.0990m)));
        client.Ask(Wire.Account(990m, leverage: 0, id: "a"));

        client.Send(Wire.Account(1_010m, leverage: 0));
        var warning = client.ReceiveType("warning");

        Assert.Equal("tier_change", warning.GetProperty("code").GetString());
        // 9 lots at 1:2000 need 9 × 110,020 / 2000 = 495.09; 1,010 / 495.09 = 204% is above the 200% floor: a warning, not critical.
        Assert.Equal("warn", warning.GetProperty("severity").GetString());
        Assert.Contains("1:2000", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarginLevelNearTheCall_GetsAMarginCallRiskWarningOnce()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Positions("p", (7, "buy", 4.00m, 1.1000m)));

        // Margin call at 100%: the warning starts under 150%. 1,200 / 900 = 133%.
        client.Send(Wire.Account(1_200m, margin: 900m));
        var warning = client.ReceiveType("warning");
        Assert.Equal("margin_call_risk", warning.GetProperty("code").GetString());

        // Still at risk, no tier boundary crossed: no repeat within Alerts:RepeatMinutes.
        client.Send(Wire.Account(1_190m, margin: 900m));
        Assert.DoesNotContain(client.ReceiveUntilBarrier(), m => m.GetProperty("type").GetString() == "warning");
    }

    [Fact]
    public async Task TradingStateLog_NamesRealChangesOnly_NotTheFirstEvaluationThatFindsTheAccountActive()
    {
        var log = new RecordingLogger<ExposureMonitor>();
        await using var bridge = await BridgeHarness.StartWithServicesAsync(s => s.AddSingleton<ILogger<ExposureMonitor>>(log), "--Limits:DailyLossPercent=5");
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Positions("p", (7, "buy", 1.00m, 1.1000m)));
        // The first account report is the first evaluation: active, as the account counted before it.
        client.Ask(Wire.Account(10_000m, id: "a"));
        Assert.Equal("approve", client.Ask(Wire.Check("first", 0.10m)).GetProperty("verdict").GetString());

        client.Send(Wire.Account(9_400m));
        Assert.Equal("trading_state", client.ReceiveType("warning").GetProperty("code").GetString());

        var changes = log.Entries.Where(e => e.EventId == 600).ToList();
        var change = Assert.Single(changes);
        Assert.Equal(LogLevel.Warning, change.Level);
        Assert.StartsWith("Account 1001 trading state Active -> Reducing: ", change.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyLossLimit_PutsTheAccountInReducingAndRejectsNewExposure()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Limits": { "DailyLossPercent": 5 } }""");
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Positions("p", (7, "buy", 1.00m, 1.1000m)));
        client.Ask(Wire.Account(10_000m, id: "a"));

        client.Send(Wire.Account(9_400m));
        var warning = client.ReceiveType("warning");
        Assert.Equal("trading_state", warning.GetProperty("code").GetString());

        var opening = client.Ask(Wire.Check("more", 1.00m));
        Assert.Equal("reject", opening.GetProperty("verdict").GetString());
        Assert.Contains("trading_reducing", Codes(opening));
        var closing = client.Ask(Wire.Check("less", 0.50m, side: "sell"));
        Assert.Equal("approve", closing.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task StartOfDayEquity_SurvivesARestart()
    {
        var first = await BridgeHarness.StartAsync("""{ "Limits": { "DailyLossPercent": 5 } }""");
        var folder = first.Folder;
        await using (first)
        {
            first.KeepFolder = true;
            var client = Connect(first);
            client.Send(Wire.EurUsdTick);
            client.Ask(Wire.Positions("p"));
            client.Ask(Wire.Account(10_000m, id: "a"));
            // Give the background writer its moment; stopping the host drains it anyway.
        }

        await using var second = await BridgeHarness.StartInAsync(folder, """{ "Limits": { "DailyLossPercent": 5 } }""");
        var again = Connect(second);
        again.Send(Wire.EurUsdTick);
        again.Ask(Wire.Positions("p"));
        // Same day, 6% below the start-of-day equity the first run stored.
        again.Send(Wire.Account(9_400m));
        var warning = again.ReceiveType("warning");

        Assert.Equal("trading_state", warning.GetProperty("code").GetString());
        Assert.Equal("reject", again.Ask(Wire.Check("x", 1.00m)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task ChecksFasterThanTheLimit_AreRejectedWithRateLimit()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Limits": { "MaxChecksPerSecond": 2 } }""");
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        client.Ask(Wire.Account(10_000m, id: "a"));

        Assert.Equal("approve", client.Ask(Wire.Check("1", 0.10m)).GetProperty("verdict").GetString());
        Assert.Equal("approve", client.Ask(Wire.Check("2", 0.10m)).GetProperty("verdict").GetString());
        var third = client.Ask(Wire.Check("3", 0.10m));
        Assert.Equal("reject", third.GetProperty("verdict").GetString());
        Assert.Equal(["rate_limit"], Codes(third));

        bridge.Time.Advance(TimeSpan.FromSeconds(1));
        client.Ask(Wire.Account(10_000m, id: "b"));
        Assert.Equal("approve", client.Ask(Wire.Check("4", 0.10m)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task HandPlacedOrderOverTheCap_IsReportedAndClosedInReduceMode()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 1 } }, "Enforcement": { "Mode": "reduce" } }""");
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Ask(Wire.Account(10_000m, id: "a"));
        client.Ask(Wire.Positions("before"));

        client.Send(Wire.Positions("after", (42, "buy", 3.00m, 1.1002m)));
        var messages = client.ReceiveUntilBarrier();

        var warning = Assert.Single(messages, m => m.GetProperty("type").GetString() == "warning");
        Assert.Equal("post_trade_violation", warning.GetProperty("code").GetString());
        var instruction = Assert.Single(messages, m => m.GetProperty("type").GetString() == "instruction");
        Assert.Equal(("close", 42L, 2.00m),
            (instruction.GetProperty("action").GetString(), instruction.GetProperty("ticket").GetInt64(), instruction.GetProperty("lots").GetDecimal()));
    }

    [Fact]
    public async Task OperatorHaltCommand_RejectsEveryOpeningOrderOfThatAccount()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // No service answers at the admin endpoint, so the command writes the state file it was given.
        var (exitCode, output) = await ServiceProcess.RunToEndAsync(
            "halt", "1001", "news", "week", "--state-file", Path.Combine(folder, "state.db"),
            $"--Dashboard:Endpoint=http://127.0.0.1:{ServiceProcess.FreePort()}");
        Assert.Equal(0, exitCode);
        Assert.Contains("no service answered at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("account 1001 halted: news week", output, StringComparison.Ordinal);

        await using var bridge = await BridgeHarness.StartInAsync(folder);
        var halted = Connect(bridge);
        halted.Send(Wire.EurUsdTick);
        halted.Send(Wire.NoPositions);
        halted.Send(Wire.Account(10_000m, id: "a"));
        // The halt is announced first, as a trading_state warning, ahead of the account's ack.
        Assert.Equal("trading_state", halted.Receive().GetProperty("code").GetString());
        Assert.Equal("ack", halted.Receive().GetProperty("type").GetString());
        var other = Connect(bridge, login: 2002);
        other.Send(Wire.EurUsdTick);
        other.Send(Wire.NoPositions);
        other.Ask(Wire.Account(10_000m, id: "a"));

        halted.Send(Wire.Check("h", 0.10m));
        var decision = halted.ReceiveType("decision");
        Assert.Equal("reject", decision.GetProperty("verdict").GetString());
        Assert.Contains("trading_halted", Codes(decision));
        Assert.Contains("news week", decision.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("approve", other.Ask(Wire.Check("o", 0.10m)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task ReportedHistory_GivesAnUnlimitedEligibilityNoticeOnHelloAndWhenItChanges()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = Connect(bridge, leverage: 0);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);

        client.Send(Wire.Account(900m, leverage: 0).Replace("}", ",\"closedTrades\":12,\"closedLots\":6.5}", StringComparison.Ordinal));
        var first = client.ReceiveType("warning");
        Assert.Equal(("unlimited_eligibility", "info", true),
            (first.GetProperty("code").GetString(), first.GetProperty("severity").GetString(), first.GetProperty("details").GetProperty("eligible").GetBoolean()));

        client.Send(Wire.Account(905m, leverage: 0).Replace("}", ",\"closedTrades\":12,\"closedLots\":6.5}", StringComparison.Ordinal));
        Assert.DoesNotContain(client.ReceiveUntilBarrier(), m => m.GetProperty("type").GetString() == "warning");

        // Equity of 1,000 or more no longer qualifies.
        client.Send(Wire.Account(1_050m, leverage: 0).Replace("}", ",\"closedTrades\":12,\"closedLots\":6.5}", StringComparison.Ordinal));
        var changed = client.ReceiveUntilBarrier().Single(m => m.GetProperty("code").GetString() == "unlimited_eligibility");
        Assert.False(changed.GetProperty("details").GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task CheckAroundHighImpactNews_IsJudgedUnderTheNewsWindow()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // Thursday 2025-11-20: the tests' server time is 12:00, ten minutes before a USD release.
        await File.WriteAllTextAsync(Path.Combine(folder, "news.csv"),
            "time,currency,impact,title\n2025-11-20 12:10,USD,High,Retail Sales\n2025-11-20 12:05,JPY,High,Not this pair\n");
        await using var bridge = await BridgeHarness.StartInAsync(folder, "{}", "--Calendar:NewsFile=" + Path.Combine(folder, "news.csv"));
        var client = Connect(bridge);
        client.Send(Wire.EurUsdTick);
        client.Send(Wire.NoPositions);
        client.Ask(Wire.Account(10_000m, id: "a"));

        var decision = client.Ask(Wire.Check("n", 1.00m));

        Assert.Equal(["news_window"], Codes(decision));
        Assert.Equal(200m, decision.GetProperty("leverage").GetDecimal());
    }
}
