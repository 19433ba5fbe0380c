using System.Text.Json;
using Mt4RiskBridge.TestSupport;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// The handshake as ZMTP 3.0 allows it, not only as NetMQ's own DEALER writes it: a READY command that names its
/// socket type and no identity (the property is optional) once ended the service from NetMQ's I/O thread.
/// </summary>
public sealed class ZmtpHandshakeTests
{
    [Fact]
    public async Task ADealerWhoseReadyCarriesNoIdentity_IsServed_AndSoAreTheOthers()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}");
        using var bare = await ZmtpPeer.HandshakeAsync(bridge.Endpoint);

        await bare.SendAsync(Wire.Hello(1001));
        Assert.Equal("welcome", Code(await bare.ReceiveAsync()));
        await bare.SendAsync("""{"v":1,"type":"heartbeat","id":"bare"}""");
        var ack = JsonDocument.Parse(await bare.ReceiveAsync()).RootElement;
        Assert.Equal(("ack", "bare"), (ack.GetProperty("type").GetString(), ack.GetProperty("id").GetString()));

        // The process is still there for a terminal that connects afterwards.
        var terminal = bridge.Dealer();
        Assert.Equal("welcome", Code(terminal.Ask(Wire.Hello(1002)).GetRawText()));
    }

    private static string? Code(string reply)
    {
        var root = JsonDocument.Parse(reply).RootElement;
        return root.GetProperty("type").GetString() is "error" ? root.GetProperty("code").GetString() : root.GetProperty("type").GetString();
    }
}
