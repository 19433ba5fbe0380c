using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Security;

/// <summary>
/// Authentication belongs to a connection, not to the routing identity it presents, and only authenticated
/// connections take a place under <c>Bridge:MaxConnections</c>.
/// </summary>
public sealed class ConnectionBindingTests
{
    private const string Shared = "shared-7f3a9c1e5b2d4a68";

    private static string Code(JsonElement reply) =>
        reply.GetProperty("type").GetString() == "error" ? reply.GetProperty("code").GetString()! : reply.GetProperty("type").GetString()!;

    private static ConnectionTable Connections(BridgeHarness bridge) => bridge.Host.Services.GetRequiredService<ConnectionTable>();

    private static string Heartbeat(string id) => $$"""{"v":1,"type":"heartbeat","id":"{{id}}"}""";

    [Fact]
    public async Task Identity_ReusedByANewPeerAfterADisconnect_IsNotAuthenticated()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var identity = Encoding.ASCII.GetBytes("terminal-1001");
        var terminal = bridge.DealerWithIdentity(identity);
        Assert.Equal("welcome", Code(terminal.Ask(Wire.Hello(1001))));
        terminal.Send(Wire.EurUsdSpec);
        terminal.Send(Wire.EurUsdTick);
        Assert.Equal("ack", Code(terminal.Ask(Wire.Account(1_000m, id: "a1"))));
        terminal.Dispose();
        // The socket reports the disconnect; the connection is forgotten with it.
        await BridgeHarness.EventuallyAsync(() => Connections(bridge).Count == 0, "forgetting the disconnected terminal");

        var intruder = bridge.DealerWithIdentity(identity);
        Assert.Equal("no_hello", Code(intruder.Ask(Wire.Account(1_000_000_000m, id: "a2"))));
        Assert.Equal("no_hello", Code(intruder.Ask(Wire.Check("c1", 500m))));
        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(1_000m, view.Account.Equity);
    }

    [Fact]
    public async Task Identity_ReusedWhileTheTerminalIsConnected_IsRefusedByTheSocket()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var identity = Encoding.ASCII.GetBytes("terminal-1001");
        var terminal = bridge.DealerWithIdentity(identity);
        Assert.Equal("welcome", Code(terminal.Ask(Wire.Hello(1001))));
        var intruder = bridge.DealerWithIdentity(identity);
        intruder.Send(Wire.Account(1_000_000_000m, id: "a2"));

        // The terminal's own state is untouched: its heartbeat is answered, and the equity never came from the intruder.
        Assert.Equal("ack", Code(terminal.Ask(Heartbeat("after"))));
        Assert.Equal("ack", Code(terminal.Ask(Wire.Account(1_000m, id: "a1"))));
        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(1_000m, view.Account.Equity);
    }

    [Fact]
    public async Task PeersWithoutHello_HoldNoPlace_UnderMaxConnections()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxConnections=2");
        for (var i = 0; i < 6; i++)
            Assert.Equal("no_hello", Code(bridge.Dealer().Ask(Heartbeat("idle" + i))));

        Assert.Equal("welcome", Code(bridge.Dealer().Ask(Wire.Hello(1001))));
        Assert.Equal("welcome", Code(bridge.Dealer().Ask(Wire.Hello(1002))));
        Assert.Equal(2, Connections(bridge).Count);
    }

    [Fact]
    public async Task FailedHellos_HoldNoPlace_UnderMaxConnections()
    {
        await using var bridge = await BridgeHarness.StartAsync(
            "{}", "--Bridge:Token=" + Shared, "--Bridge:MaxConnections=2");
        for (var i = 0; i < 5; i++)
            Assert.Equal("not_authenticated", Code(bridge.Dealer().Ask(Wire.Hello(2000 + i).Replace("\"client\"", "\"token\":\"wrong-token-value-123\",\"client\"", StringComparison.Ordinal))));

        var withToken = Wire.Hello(1001).Replace("\"client\"", $"\"token\":\"{Shared}\",\"client\"", StringComparison.Ordinal);
        Assert.Equal("welcome", Code(bridge.Dealer().Ask(withToken)));
        Assert.Equal(1, Connections(bridge).Count);
        Assert.Equal(0, bridge.Host.Services.GetRequiredService<BridgeCounters>().ConnectionsRefused);
    }

    [Fact]
    public async Task HelloBeyondMaxConnections_IsRefused_AndADisconnectMakesRoomAtOnce()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxConnections=1");
        var first = bridge.Dealer();
        Assert.Equal("welcome", Code(first.Ask(Wire.Hello(1001))));
        var second = bridge.Dealer();
        var refused = second.Ask(Wire.Hello(1002, id: "h2"));
        Assert.Equal(("limit_exceeded", "h2"), (Code(refused), refused.GetProperty("id").GetString()));
        Assert.Contains("Bridge:MaxConnections", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Refused means not kept: it is a peer without hello like any other.
        Assert.Equal("no_hello", Code(second.Ask(Heartbeat("hb"))));

        first.Dispose();
        await BridgeHarness.EventuallyAsync(() => Connections(bridge).Count == 0, "forgetting the disconnected terminal");
        Assert.Equal("welcome", Code(second.Ask(Wire.Hello(1002, id: "h3"))));
    }
}
