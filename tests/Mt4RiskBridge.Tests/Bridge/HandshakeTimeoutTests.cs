using System.Net;
using System.Net.Sockets;

namespace Mt4RiskBridge.Tests.Bridge;

public sealed class HandshakeTimeoutTests
{
    [Fact]
    public async Task TcpConnectionThatSendsNothing_IsClosedAfterTheHandshakeTimeout_WhileAnAuthenticatedTerminalStays()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:HandshakeTimeoutSeconds=5", "--Bridge:SessionTimeoutSeconds=3600");
        var terminal = bridge.Dealer();
        Assert.Equal("welcome", terminal.Ask(Wire.Hello(1001)).GetProperty("type").GetString());

        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(IPAddress.Loopback, new Uri(bridge.Endpoint).Port);
        var closed = ReadUntilClosedAsync(silent);
        // The service's clock moves past the timeout until the service hangs up (bounded: 50 steps).
        for (var step = 0; step < 50 && !closed.IsCompleted; step++)
        {
            bridge.Time.Advance(TimeSpan.FromSeconds(6));
            await Task.WhenAny(closed, Task.Delay(100));
        }

        Assert.True(closed.IsCompletedSuccessfully, "the service kept a connection that never sent a byte");
        // Only the service's own greeting came before the end of the stream.
        Assert.InRange(await closed, 0, 64);
        // The terminal's connection, older than the timeout, is the same authenticated one: a new one would get no_hello.
        Assert.Equal("ack", terminal.Ask("""{"v":1,"type":"heartbeat","id":"after"}""").GetProperty("type").GetString());
    }

    /// <summary>Reads until the peer ends the stream (a read of 0 bytes); the bytes read before it.</summary>
    private static async Task<int> ReadUntilClosedAsync(Socket socket)
    {
        var buffer = new byte[256];
        var total = 0;
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) total += read;
        return total;
    }
}
