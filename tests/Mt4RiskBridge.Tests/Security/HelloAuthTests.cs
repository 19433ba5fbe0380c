using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Security;

public sealed class HelloAuthTests
{
    private const string Shared = "shared-7f3a9c1e5b2d4a68";
    private const string Own = "own-1001-c0ffee-93b1d7";

    private static string Hello(long login, string? token, string id = "h1")
    {
        var tokenField = token is null ? "" : ",\"token\":\"" + token + "\"";
        return $$"""{"v":1,"type":"hello","id":"{{id}}","account":{{login}},"server":"Demo-Server","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent"{{tokenField}}}""";
    }

    private static Task<BridgeHarness> StartWithTokensAsync(params string[] extra) =>
        BridgeHarness.StartAsync("{}", ["--Bridge:Token=" + Shared, "--Bridge:Accounts:1001:Token=" + Own, .. extra]);

    [Fact]
    public async Task Hello_WithTheSharedToken_IsWelcomed()
    {
        await using var bridge = await StartWithTokensAsync();
        var client = bridge.Dealer();

        Assert.Equal("welcome", client.Ask(Hello(2002, Shared)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Hello_ForAnAccountWithItsOwnToken_AcceptsThatTokenOnly()
    {
        await using var bridge = await StartWithTokensAsync();

        Assert.Equal("welcome", bridge.Dealer().Ask(Hello(1001, Own)).GetProperty("type").GetString());
        var shared = bridge.Dealer().Ask(Hello(1001, Shared, id: "h2"));
        Assert.Equal(("error", "not_authenticated", "h2"),
            (shared.GetProperty("type").GetString(), shared.GetProperty("code").GetString(), shared.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("shared-7f3a9c1e5b2d4a6")]
    [InlineData("shared-7f3a9c1e5b2d4a68x")]
    public async Task Hello_WithAMissingOrWrongToken_IsRefusedAndTheConnectionIgnored(string? token)
    {
        await using var bridge = await StartWithTokensAsync();
        var client = bridge.Dealer();

        var refused = client.Ask(Hello(2002, token));

        Assert.Equal("not_authenticated", refused.GetProperty("code").GetString());
        // Nothing it sends afterwards is read, not even a correct hello: it must reconnect.
        client.Send(Hello(2002, Shared, id: "again"));
        client.Send("""{"v":1,"type":"heartbeat","id":"hb"}""");
        client.SendFrames("two", "frames");
        var counters = bridge.Host.Services.GetRequiredService<BridgeCounters>();
        await BridgeHarness.EventuallyAsync(() => counters.Ignored == 2 && counters.BadFraming == 1, "reading the three messages");
        // The ignored connection acks no heartbeat, so the barrier is another connection's hello: the socket thread
        // answers it only after it has dealt with, and would have answered, all three. It is served as usual.
        Assert.Equal("welcome", bridge.Dealer().Ask(Hello(2002, Shared)).GetProperty("type").GetString());
        Assert.Empty(client.ReceiveQueued());
        Assert.Equal(1, counters.NotAuthenticated);
        Assert.Equal(2, counters.Ignored);
    }

    [Fact]
    public async Task Hello_WithOnlyAccountTokens_RefusesOtherAccounts()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:Accounts:1001:Token=" + Own);

        Assert.Equal("welcome", bridge.Dealer().Ask(Hello(1001, Own)).GetProperty("type").GetString());
        Assert.Equal("not_authenticated", bridge.Dealer().Ask(Hello(3003, Own)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Hello_WithoutConfiguredTokens_OnLoopback_NeedsNoToken()
    {
        await using var bridge = await BridgeHarness.StartAsync();

        Assert.Equal("welcome", bridge.Dealer().Ask(Hello(2002, null)).GetProperty("type").GetString());
        Assert.Equal("welcome", bridge.Dealer().Ask(Hello(2003, "anything")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Tokens_NeverReachTheLogOrTheAuditTrail()
    {
        var logs = Directory.CreateTempSubdirectory("mt4rb-logs").FullName;
        try
        {
            var bridge = await StartWithTokensAsync("--Bridge:LogDirectory=" + logs, "--Serilog:MinimumLevel:Default=Debug");
            string audit;
            await using (bridge)
            {
                var good = bridge.Dealer();
                Assert.Equal("welcome", good.Ask(Hello(2002, Shared)).GetProperty("type").GetString());
                good.Send(Wire.EurUsdSpec);
                good.Send(Wire.EurUsdTick);
                Assert.Equal("ack", good.Ask("""{"v":1,"type":"account","id":"a","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""").GetProperty("type").GetString());
                Assert.Equal("decision", good.Ask(Wire.Check("c1", 1.00m)).GetProperty("type").GetString());
                Assert.Equal("not_authenticated", bridge.Dealer().Ask(Hello(2002, "wrong-" + Shared)).GetProperty("code").GetString());
                await bridge.StopAsync();
                audit = await File.ReadAllTextAsync(bridge.AuditPath);
            }

            var logText = string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText));
            Assert.Contains("2002", logText, StringComparison.Ordinal);
            Assert.DoesNotContain(Shared, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(Own, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(Shared, audit, StringComparison.Ordinal);
            Assert.Contains("c1", audit, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(logs, recursive: true);
        }
    }
}
