using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Mt4RiskBridge.Tests.Bridge;

public sealed class BadInputTests
{
    public static TheoryData<string, string, string> BadFrames => new()
    {
        // frame, error code, a piece of the message that names the problem
        { "this is not json", "bad_json", "JSON" },
        { """[1,2,3]""", "bad_json", "object" },
        { """{"v":1,"type":"check","id":"t1","symbol":"EURUSD","side":"buy","lots":"many"}""", "bad_field", "lots" },
        { """{"v":1,"type":"check","id":"t2","symbol":"EURUSD","side":"buy","lots":"NaN"}""", "bad_field", "lots" },
        { """{"v":1,"type":"check","id":"t3","symbol":"EURUSD","side":"buy","lots":-1}""", "bad_field", "lots" },
        { """{"v":1,"type":"check","id":"t4","symbol":"EURUSD","side":"buy","lots":0}""", "bad_field", "lots" },
        { """{"v":1,"type":"check","id":"t5","symbol":"EURUSD","side":"sideways","lots":1}""", "bad_field", "side" },
        { """{"v":1,"type":"check","id":"t6","side":"buy","lots":1}""", "bad_field", "symbol" },
        { """{"v":1,"type":"teleport","id":"t7"}""", "unknown_type", "teleport" },
        { """{"v":2,"type":"heartbeat","id":"t8"}""", "unsupported_version", "2" },
        { """{"type":"heartbeat","id":"t9"}""", "unsupported_version", "v" },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task BadFrame_GetsItsErrorAndTheServiceKeepsAnswering(string frame, string code, string named)
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var bad = bridge.Dealer();
        var good = bridge.Dealer();
        bad.Ask(Wire.Hello(1001));
        good.Ask(Wire.Hello(2002, id: "g"));

        var error = bad.Ask(frame);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ack", good.Ask("""{"v":1,"type":"heartbeat","id":"still-here"}""").GetProperty("type").GetString());
        Assert.Equal("ack", bad.Ask("""{"v":1,"type":"heartbeat","id":"me-too"}""").GetProperty("type").GetString());
    }

    [Fact]
    public async Task BadField_ErrorCarriesTheRequestId()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));

        var error = client.Ask("""{"v":1,"type":"check","id":"abc-7","symbol":"EURUSD","side":"buy","lots":-0.5}""");

        Assert.Equal("abc-7", error.GetProperty("id").GetString());
    }

    [Fact]
    public async Task CheckBeforeHello_IsRefusedWithNoHello()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();

        var error = client.Ask(Wire.Check("early", 1.00m));

        Assert.Equal(("error", "no_hello", "early"),
            (error.GetProperty("type").GetString(), error.GetProperty("code").GetString(), error.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task CheckWithoutId_IsRefused()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));

        var error = client.Ask("""{"v":1,"type":"check","symbol":"EURUSD","side":"buy","lots":1}""");

        Assert.Equal("bad_field", error.GetProperty("code").GetString());
        Assert.Contains("id", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateMessageWithoutId_GetsNoReply()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));

        client.Send(Wire.EurUsdTick);

        Assert.Empty(client.ReceiveUntilBarrier());
    }

    [Fact]
    public async Task FrameOverTheLimit_IsRefusedAsTooLarge_AndTheConnectionGoesOn()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        var over = Encoding.UTF8.GetBytes("{\"v\":1,\"type\":\"heartbeat\",\"pad\":\"" + new string('x', 300 * 1024) + "\"}");

        client.SendBytes(over);
        var error = client.Receive();

        Assert.Equal("too_large", error.GetProperty("code").GetString());
        Assert.Contains("262144", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ack", client.Ask("""{"v":1,"type":"heartbeat","id":"after"}""").GetProperty("type").GetString());
    }

    [Fact]
    public async Task TenMegabyteFrame_DisconnectsItsSender_BeforeItIsBuffered()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var connections = bridge.Host.Services.GetRequiredService<Sessions.ConnectionTable>();
        var other = bridge.Dealer();
        other.Ask(Wire.Hello(1002));
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        Assert.Equal(2, connections.Count);

        client.SendBytes(Encoding.UTF8.GetBytes("{\"v\":1,\"type\":\"heartbeat\",\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}"));

        // Over twice Bridge:MaxMessageBytes the socket drops the peer, and the service forgets its connection.
        await BridgeHarness.EventuallyAsync(() => connections.Count == 1, "dropping the sender of a 10 MB frame");
        Assert.Equal("ack", other.Ask("""{"v":1,"type":"heartbeat","id":"after"}""").GetProperty("type").GetString());
    }

    [Fact]
    public async Task TwoFramesFromDealer_AreRefused()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();

        client.SendFrames("""{"v":1,"type":"heartbeat"}""", """{"v":1,"type":"heartbeat"}""");

        Assert.Equal("bad_json", client.Receive().GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvalidUtf8_IsRefusedAsBadJson()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();

        client.SendBytes([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        Assert.Equal("bad_json", client.Receive().GetProperty("code").GetString());
    }
}
