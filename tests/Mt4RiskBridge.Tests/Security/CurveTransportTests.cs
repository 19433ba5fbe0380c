using System.Text;
using System.Text.Json;
using Mt4RiskBridge.Tests.Bridge;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Tests.Security;

public sealed class CurveTransportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mt4rb-curve").FullName;
    private readonly NetMQCertificate _server = new();

    public CurveTransportTests()
    {
        File.WriteAllText(Path.Combine(_folder, "server.pub"), _server.PublicKeyZ85 + "\n");
        File.WriteAllText(Path.Combine(_folder, "server.key"), _server.SecretKeyZ85 + "\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<BridgeHarness> StartAsync() => BridgeHarness.StartAsync("{}",
        "--Bridge:Curve:PublicKeyFile=" + Path.Combine(_folder, "server.pub"),
        "--Bridge:Curve:SecretKeyFile=" + Path.Combine(_folder, "server.key"));

    private static JsonElement? Ask(DealerSocket socket, string json, TimeSpan wait)
    {
        socket.SendFrame(Encoding.UTF8.GetBytes(json));
        if (!socket.TryReceiveFrameBytes(wait, out var frame)) return null;
        using var document = JsonDocument.Parse(frame);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task CurveClient_WithTheServerKey_IsServed()
    {
        await using var bridge = await StartAsync();
        using var client = new DealerSocket();
        client.Options.Linger = TimeSpan.Zero;
        client.Options.CurveServerKey = _server.PublicKey;
        client.Options.CurveCertificate = new NetMQCertificate();
        client.Connect(bridge.Endpoint);

        var welcome = Ask(client, Wire.Hello(1001), TimeSpan.FromSeconds(5));

        Assert.Equal("welcome", welcome?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task PlainClient_OnACurveEndpoint_GetsNothing()
    {
        await using var bridge = await StartAsync();
        using var plain = new DealerSocket();
        plain.Options.Linger = TimeSpan.Zero;
        plain.Connect(bridge.Endpoint);

        Assert.Null(Ask(plain, Wire.Hello(1001), TimeSpan.FromMilliseconds(700)));
        Assert.False(bridge.Accounts.TryGet(1001, out _));
    }

    [Fact]
    public async Task CurveClient_WithAWrongServerKey_GetsNothing()
    {
        await using var bridge = await StartAsync();
        using var client = new DealerSocket();
        client.Options.Linger = TimeSpan.Zero;
        client.Options.CurveServerKey = new NetMQCertificate().PublicKey;
        client.Options.CurveCertificate = new NetMQCertificate();
        client.Connect(bridge.Endpoint);

        Assert.Null(Ask(client, Wire.Hello(1001), TimeSpan.FromMilliseconds(700)));
    }
}
