using System.Text;
using System.Text.Json;
using NetMQ;
using NetMQ.Sockets;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Reliability;

/// <summary>Connections streaming the largest valid messages they may send cannot take the service from the others.</summary>
public sealed class HeavySenderTests
{
    /// <summary>A valid positions message listing 1,000 positions: about 90 KB.</summary>
    private static readonly byte[] ThousandPositions = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"positions","positions":[""" +
        string.Join(",", Enumerable.Range(1, 1000).Select(t => $$"""{"ticket":{{t}},"symbol":"EURUSD","side":"buy","lots":0.01,"openPrice":1.1}""")) + "]}");

    [Fact]
    public async Task BytesBeyondTheBudget_AreRefusedWithRateLimit_UntilTheBudgetRefills()
    {
        // Room for two and a half lists a second.
        var budget = ThousandPositions.Length * 5 / 2;
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessageBytes=131072", "--Bridge:MaxBytesPerSecond=" + budget);
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        var withId = Encoding.UTF8.GetString(ThousandPositions).Replace("{\"v\":1,", "{\"v\":1,\"id\":\"p\",", StringComparison.Ordinal);

        Assert.Equal("ack", client.Ask(withId).GetProperty("type").GetString());
        Assert.Equal("ack", client.Ask(withId).GetProperty("type").GetString());
        var refused = client.Ask(withId);
        Assert.Equal(("error", "rate_limit", "p"), (refused.GetProperty("type").GetString(), refused.GetProperty("code").GetString(), refused.GetProperty("id").GetString()));
        Assert.Contains("Bridge:MaxBytesPerSecond", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        bridge.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ack", client.Ask(withId).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ThreeHeavySenders_AreHeldToTheirBudget_AndAnotherTerminalKeepsItsDecisions()
    {
        // One list, then a trickle: whatever else the service reads from them is refused unread.
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessageBytes=131072", "--Bridge:MaxBytesPerSecond=1024");
        var terminal = bridge.Dealer();
        terminal.Ask(Wire.Hello(1001));
        terminal.Send(Wire.EurUsdSpec);
        terminal.Send(Wire.EurUsdTick);
        terminal.Send(Wire.NoPositions);
        Assert.Equal("ack", terminal.Ask(Wire.Account(10_000m, id: "a")).GetProperty("type").GetString());

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var senders = Enumerable.Range(0, 3).Select(i => Task.Run(() => Flood(bridge.Endpoint, 2001 + i, stop.Token))).ToArray();
        var decisions = 0;
        while (!stop.IsCancellationRequested)
        {
            var reply = terminal.Ask(Wire.Check("c" + decisions, 0.01m));
            Assert.Equal("decision", reply.GetProperty("type").GetString());
            decisions++;
        }
        var refusals = await Task.WhenAll(senders);

        Assert.True(decisions > 0);
        // Each heavy sender met its byte budget: the service refused the excess rather than reading it all.
        Assert.All(refusals, r => Assert.True(r > 0, "a heavy sender was never refused"));
    }

    /// <summary>Sends 90 KB position lists as fast as the socket takes them until stopped; returns its rate_limit replies.</summary>
    private static int Flood(string endpoint, long login, CancellationToken stop)
    {
        using var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Connect(endpoint);
        socket.SendFrame(Wire.Hello(login));
        if (!socket.TryReceiveFrameString(TimeSpan.FromSeconds(5), out _)) return 0;
        var refused = 0;
        while (!stop.IsCancellationRequested)
        {
            socket.TrySendFrame(TimeSpan.FromMilliseconds(10), ThousandPositions);
            while (socket.TryReceiveFrameBytes(TimeSpan.Zero, out var reply))
            {
                using var json = JsonDocument.Parse(reply);
                if (json.RootElement.TryGetProperty("code", out var code) && code.GetString() == "rate_limit") refused++;
            }
        }
        return refused;
    }
}
