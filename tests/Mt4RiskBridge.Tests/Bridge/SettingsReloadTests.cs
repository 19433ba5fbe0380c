using System.Net.Http.Json;
using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// Each section that reloads live, changed in the settings file while the service runs: the next check or warning
/// follows the new value. A change that is refused in any section keeps every previous value.
/// </summary>
public sealed class SettingsReloadTests
{
    // 2026-11-20 is a Friday; the default weekly close is 23:59 server time, so 21:30 is inside the default
    // 180-minute weekend window and 149 minutes before the close.
    private static readonly long FridayEvening = Wire.ServerTime(2026, 11, 20, 21, 30);

    private static TestClient Connect(BridgeHarness bridge, decimal equity = 10_000m, long time = Wire.Thursday)
    {
        var client = bridge.Dealer();
        Assert.Equal("welcome", client.Ask(Wire.Hello(1001)).GetProperty("type").GetString());
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.Tick("EURUSD", 1.1000m, 1.1002m, time));
        client.Ask(Wire.Positions("p"));
        client.Ask(Wire.Account(equity, time: time, id: "a"));
        return client;
    }

    /// <summary>The verdict and the reason codes (comma-separated) of a 0.10-lot buy; a warning sent ahead of it is skipped.</summary>
    private static (string Verdict, string Codes) Judge(TestClient client, string id)
    {
        client.Send(Wire.Check(id, 0.10m));
        var decision = client.ReceiveType("decision");
        return (decision.GetProperty("verdict").GetString()!,
            string.Join(",", decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)));
    }

    private static string[] Warnings(List<JsonElement> messages) =>
        [.. messages.Where(m => m.GetProperty("type").GetString() == "warning").Select(m => m.GetProperty("code").GetString()!)];

    [Theory]
    [InlineData("""{ "Limits": { "Halted": false } }""", """{ "Limits": { "Halted": true } }""", false, "", "reject", "trading_halted")]
    [InlineData("""{ "Weekend": { "BlockNewPositionsMinutes": 0 } }""", """{ "Weekend": { "BlockNewPositionsMinutes": 240 } }""", true, "weekend_window", "reject", "weekend_block")]
    [InlineData("""{ "Windows": { "WeekendBeforeCloseMinutes": 180 } }""", """{ "Windows": { "WeekendBeforeCloseMinutes": 60 } }""", true, "weekend_window", "approve", "")]
    [InlineData("""{ "Calendar": { "CloseDay": "Friday" } }""", """{ "Calendar": { "CloseDay": "Saturday" } }""", true, "weekend_window", "approve", "")]
    public async Task SectionChange_AppliesToTheNextCheck(string before, string after, bool fridayEvening, string codesBefore, string verdictAfter, string codeAfter)
    {
        await using var bridge = await BridgeHarness.StartAsync(before);
        var client = Connect(bridge, time: fridayEvening ? FridayEvening : Wire.Thursday);
        Assert.Equal(("approve", codesBefore), Judge(client, "before"));

        await bridge.ChangeSettingsAsync(after);

        var (verdict, codes) = Judge(client, "after");
        Assert.Equal(verdictAfter, verdict);
        if (codeAfter.Length == 0) Assert.Equal("", codes);
        else Assert.Contains(codeAfter, codes.Split(','));
    }

    [Fact]
    public async Task AlertsChange_WarnsOnTheNextAccountReport()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Alerts": { "MarginLevelWarnPercent": 120 } }""");
        // At 1,200 from the start: no tier boundary is crossed on the way.
        var client = Connect(bridge, equity: 1_200m);
        client.Ask(Wire.Positions("p4", (7, "buy", 4.00m, 1.1000m)));
        // 1,200 / 900 = 133%: above a 120% threshold, under a 140% one.
        client.Send(Wire.Account(1_200m, margin: 900m));
        Assert.Empty(Warnings(client.ReceiveUntilBarrier()));

        await bridge.ChangeSettingsAsync("""{ "Alerts": { "MarginLevelWarnPercent": 140 } }""");

        client.Send(Wire.Account(1_200m, margin: 900m));
        Assert.Equal(["margin_call_risk"], Warnings(client.ReceiveUntilBarrier()));
    }

    [Fact]
    public async Task EnforcementChange_ClosesTheNextHandPlacedExcess()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 1 } }, "Enforcement": { "Mode": "warn" } }""");
        var client = Connect(bridge);
        client.Send(Wire.Positions("one", (42, "buy", 3.00m, 1.1002m)));
        var warned = client.ReceiveUntilBarrier();
        Assert.Equal(["post_trade_violation"], Warnings(warned));
        Assert.DoesNotContain(warned, m => m.GetProperty("type").GetString() == "instruction");

        await bridge.ChangeSettingsAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 1 } }, "Enforcement": { "Mode": "reduce" } }""");

        client.Send(Wire.Positions("two", (42, "buy", 3.00m, 1.1002m), (43, "buy", 3.00m, 1.1002m)));
        var instruction = Assert.Single(client.ReceiveUntilBarrier(), m => m.GetProperty("type").GetString() == "instruction");
        Assert.Equal(("close", 43L, 2.00m),
            (instruction.GetProperty("action").GetString(), instruction.GetProperty("ticket").GetInt64(), instruction.GetProperty("lots").GetDecimal()));
    }

    [Fact]
    public async Task EligibilityChange_IsJudgedOnTheNextAccountReport()
    {
        const string history = ",\"closedTrades\":12,\"closedLots\":6.5}";
        await using var bridge = await BridgeHarness.StartAsync("""{ "Eligibility": { "MaxEquity": 1000 } }""");
        var client = Connect(bridge, equity: 900m);
        client.Send(Wire.Account(900m).Replace("}", history, StringComparison.Ordinal));
        var first = client.ReceiveUntilBarrier().Single(m => m.GetProperty("type").GetString() == "warning");
        Assert.True(first.GetProperty("details").GetProperty("eligible").GetBoolean());

        await bridge.ChangeSettingsAsync("""{ "Eligibility": { "MaxEquity": 800 } }""");

        client.Send(Wire.Account(900m).Replace("}", history, StringComparison.Ordinal));
        var changed = client.ReceiveUntilBarrier().Single(m => m.GetProperty("type").GetString() == "warning");
        Assert.Equal("unlimited_eligibility", changed.GetProperty("code").GetString());
        Assert.False(changed.GetProperty("details").GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task ChangeWithOneInvalidValue_KeepsEveryPreviousValueAndSaysWhy()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Limits": { "Halted": true }, "Enforcement": { "Mode": "warn" } }""");
        var client = Connect(bridge);
        Assert.Equal("reject", Judge(client, "before").Verdict);

        await bridge.ChangeSettingsAsync("""{ "Limits": { "Halted": false }, "Enforcement": { "Mode": "shout" } }""");

        var (verdict, codes) = Judge(client, "after");
        Assert.Equal("reject", verdict);
        Assert.Contains("trading_halted", codes);
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };
        var settings = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/settings", UriKind.Relative));
        Assert.Contains("Enforcement:Mode", settings.GetProperty("refused").GetProperty("why").GetString(), StringComparison.Ordinal);
        var values = settings.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("key").GetString()!, v => v.GetProperty("value").GetString());
        Assert.Equal(("True", "warn"), (values["Limits:Halted"], values["Enforcement:Mode"]));
    }

    [Fact]
    public async Task SettingsApi_ListsDefaultsNotInTheFileAndTheValuesOfTheLastAppliedReload()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{ "Weekend": { "MaxLossPercent": 8 } }""");

        await bridge.ChangeSettingsAsync("""{ "Weekend": { "MaxLossPercent": 6 } }""");

        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };
        var settings = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/settings", UriKind.Relative));
        Assert.Equal(bridge.Time.GetUtcNow(), settings.GetProperty("reloadedAt").GetDateTimeOffset());
        var values = settings.GetProperty("values").EnumerateArray().ToDictionary(
            v => v.GetProperty("key").GetString()!, v => (v.GetProperty("value").GetString(), v.GetProperty("restartOnly").GetBoolean()));
        Assert.Equal(("6", false), values["Weekend:MaxLossPercent"]);
        // Keys no file sets, at the defaults in force: from an options class, and from the engine's own records.
        Assert.Equal(("20", false), values["Limits:MaxChecksPerSecond"]);
        Assert.Equal(("5", false), values["Weekend:OtherPercent"]);
        Assert.Equal(("1000", true), values["Bridge:HeartbeatMs"]);
        Assert.Equal(("(unset)", true), values["Dashboard:OperatorToken"]);
        Assert.Equal(("(unset)", true), values["Calendar:NewsFile"]);
    }
}
