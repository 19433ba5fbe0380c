using System.Text.Json;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Reliability;

/// <summary>
/// A terminal that never sends an account report, or sends a server time of 0, does not walk around the gates:
/// halts apply to snapshot-only checks (the MQL4 include's path), and without a known server time or trading state
/// an opening order is rejected and says why.
/// </summary>
public sealed class UnknownStateTests
{
    private const string Snapshot = ""","snapshot":{"balance":10000,"equity":10000,"margin":0,"positions":[]}""";

    [Fact]
    public async Task SnapshotOnlyCheck_OnAHaltedService_IsRejectedAsHalted()
    {
        await using var bridge = await BridgeHarness.StartAsync("""{"Limits":{"Halted":true}}""");
        var client = bridge.Dealer();
        StreamWithoutAccount(client, Wire.Thursday);

        client.Send(Wire.Check("s1", 0.10m, extra: Snapshot));
        // The snapshot lets the state be worked out: HALTED is announced, then the check is answered.
        Assert.Equal("trading_state", client.ReceiveType("warning").GetProperty("code").GetString());
        var (verdict, lots, codes) = Judge(client.ReceiveType("decision"));

        Assert.Equal(("reject", 0m), (verdict, lots));
        Assert.Equal("trading_halted", codes[0]);
    }

    [Fact]
    public async Task SnapshotOnlyCheck_WithServerTimeZero_IsRejectedAsUnknownState()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamWithoutAccount(client, time: 0);

        var decision = client.Ask(Wire.Check("s1", 0.10m, extra: Snapshot));

        Assert.Equal(("reject", 0m, "unknown_state"), First(decision));
        Assert.Equal("the account's trading state and server time are not known (no account, positions or server time reported yet); only orders that reduce exposure are approved",
            decision.GetProperty("reasons")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task AccountWithServerTimeZero_OpeningOrder_IsRejectedAsUnknownState()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamWithoutAccount(client, time: 0);
        client.Send(Wire.NoPositions);
        Assert.Equal("ack", client.Ask(Wire.Account(10_000m, time: 0, id: "a")).GetProperty("type").GetString());

        Assert.Equal(("reject", 0m, "unknown_state"), First(client.Ask(Wire.Check("c1", 0.10m))));
    }

    [Fact]
    public async Task AccountWithoutPositions_OpeningOrder_IsRejectedAsUnknownState()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        StreamWithoutAccount(client, Wire.Thursday);
        Assert.Equal("ack", client.Ask(Wire.Account(10_000m, id: "a")).GetProperty("type").GetString());

        Assert.Equal(("reject", 0m, "unknown_state"), First(client.Ask(Wire.Check("c1", 0.10m))));

        // Once the positions are reported, flat or not, the same order is judged on them.
        client.Send(Wire.NoPositions);
        Assert.Equal("approve", Judge(client.Ask(Wire.Check("c2", 0.10m))).Verdict);
    }

    private static void StreamWithoutAccount(TestClient client, long time)
    {
        Assert.Equal("welcome", client.Ask(Wire.Hello(1001)).GetProperty("type").GetString());
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.Tick("EURUSD", 1.1000m, 1.1002m, time));
    }

    private static (string Verdict, decimal Lots, string Code) First(JsonElement decision)
    {
        var (verdict, lots, codes) = Judge(decision);
        return (verdict, lots, codes[0]);
    }

    private static (string Verdict, decimal Lots, string[] Codes) Judge(JsonElement decision)
    {
        Assert.Equal("decision", decision.GetProperty("type").GetString());
        return (
            decision.GetProperty("verdict").GetString()!,
            decision.GetProperty("lots").GetDecimal(),
            decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());
    }
}
