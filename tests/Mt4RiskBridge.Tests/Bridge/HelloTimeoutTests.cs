using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.TestSupport;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// A TCP connection stays only while it is kept for an accepted hello: peers that finish the ZeroMQ handshake and
/// never say hello, whose hello is refused, or that fall silent past the session timeout are closed by the service.
/// </summary>
public sealed class HelloTimeoutTests
{
    private const string Token = "shared-token-value-0123456789";

    [Fact]
    public async Task PeerThatCompletesTheHandshake_AndNeverSaysHello_IsClosed_WhileAKeptTerminalStays()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}",
            "--Bridge:HandshakeTimeoutSeconds=5", "--Bridge:HelloTimeoutSeconds=20", "--Bridge:SessionTimeoutSeconds=3600");
        var terminal = bridge.Dealer();
        Assert.Equal("welcome", Code(terminal.Ask(Wire.Hello(1001))));
        using var mute = await ZmtpPeer.HandshakeAsync(bridge.Endpoint);

        Assert.True(await ClosedWhileTheClockMovesAsync(bridge, mute), "the service kept a peer that never said hello");
        // Closed by the hello rule: its handshake was complete, so the handshake timeout had let it be.
        Assert.Equal((0L, 1L), (Counters(bridge).HandshakeTimedOut, Counters(bridge).HelloTimedOut));
        // The terminal's connection, older than both timeouts, is the same kept one: a new one would get no_hello.
        Assert.Equal("ack", Code(terminal.Ask("""{"v":1,"type":"heartbeat","id":"after"}""")));
    }

    [Fact]
    public async Task PeerWhoseHelloWasRefused_IsClosed()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}",
            "--Bridge:Token=" + Token, "--Bridge:HelloTimeoutSeconds=20", "--Bridge:SessionTimeoutSeconds=3600");
        using var peer = await ZmtpPeer.HandshakeAsync(bridge.Endpoint);
        await peer.SendAsync(Wire.Hello(1001));
        Assert.Equal("not_authenticated", Code(JsonDocument.Parse(await peer.ReceiveAsync()).RootElement));

        Assert.True(await ClosedWhileTheClockMovesAsync(bridge, peer), "the service kept a peer whose hello it refused");
        Assert.Equal(1, Counters(bridge).HelloTimedOut);
    }

    [Fact]
    public async Task TerminalLetGoForSilence_IsClosed_AndOneThatSpeaksStays()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}",
            "--Bridge:HelloTimeoutSeconds=5", "--Bridge:SessionTimeoutSeconds=30");
        using var silent = await ZmtpPeer.HandshakeAsync(bridge.Endpoint);
        await silent.SendAsync(Wire.Hello(1001));
        Assert.Equal("welcome", Code(JsonDocument.Parse(await silent.ReceiveAsync()).RootElement));
        var speaking = bridge.Dealer();
        Assert.Equal("welcome", Code(speaking.Ask(Wire.Hello(1002))));

        var closed = silent.ReadUntilClosedAsync();
        for (var step = 0; step < 50 && !closed.IsCompleted; step++)
        {
            bridge.Time.Advance(TimeSpan.FromSeconds(6));
            // The other terminal speaks within every session timeout, so it stays kept.
            Assert.Equal("ack", Code(speaking.Ask($$"""{"v":1,"type":"heartbeat","id":"s{{step}}"}""")));
            await Task.WhenAny(closed, Task.Delay(100));
        }

        Assert.True(closed.IsCompletedSuccessfully, "the service kept a connection it had let go for silence");
        Assert.Equal(1, Counters(bridge).HelloTimedOut);
        Assert.Equal("ack", Code(speaking.Ask("""{"v":1,"type":"heartbeat","id":"after"}""")));
    }

    /// <summary>Moves the service's clock 6 s at a time until the service hangs up on the peer (bounded: 50 steps).</summary>
    private static async Task<bool> ClosedWhileTheClockMovesAsync(BridgeHarness bridge, ZmtpPeer peer)
    {
        var closed = peer.ReadUntilClosedAsync();
        for (var step = 0; step < 50 && !closed.IsCompleted; step++)
        {
            bridge.Time.Advance(TimeSpan.FromSeconds(6));
            await Task.WhenAny(closed, Task.Delay(100));
        }
        return closed.IsCompletedSuccessfully;
    }

    private static BridgeCounters Counters(BridgeHarness bridge) => bridge.Host.Services.GetRequiredService<BridgeCounters>();

    private static string? Code(JsonElement reply) =>
        reply.GetProperty("type").GetString() is "error" ? reply.GetProperty("code").GetString() : reply.GetProperty("type").GetString();
}
