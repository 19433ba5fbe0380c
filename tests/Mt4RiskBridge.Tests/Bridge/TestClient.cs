using System.Text;
using System.Text.Json;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>A terminal stand-in: a real DEALER or REQ socket that sends raw JSON and reads replies with a deadline.</summary>
internal sealed class TestClient : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly NetMQSocket _socket;

    private TestClient(NetMQSocket socket)
    {
        _socket = socket;
        _socket.Options.Linger = TimeSpan.Zero;
    }

    public static TestClient Dealer(string endpoint)
    {
        var socket = new DealerSocket();
        socket.Connect(endpoint);
        return new TestClient(socket);
    }

    public static TestClient Req(string endpoint)
    {
        var socket = new RequestSocket();
        socket.Connect(endpoint);
        return new TestClient(socket);
    }

    public void Send(string json) => SendBytes(Encoding.UTF8.GetBytes(json));

    public void SendBytes(byte[] payload) => _socket.SendFrame(payload);

    /// <summary>Sends several frames as one message, to test framing errors.</summary>
    public void SendFrames(params string[] frames)
    {
        for (var i = 0; i < frames.Length - 1; i++) _socket.SendMoreFrame(frames[i]);
        _socket.SendFrame(frames[^1]);
    }

    public JsonElement Receive()
    {
        if (!_socket.TryReceiveFrameBytes(Deadline, out var frame))
            throw new TimeoutException("no reply within " + Deadline.TotalSeconds + " s");
        using var document = JsonDocument.Parse(frame);
        return document.RootElement.Clone();
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/>.</summary>
    public bool NothingWithin(TimeSpan wait) => !_socket.TryReceiveFrameBytes(wait, out _);

    public JsonElement Ask(string json)
    {
        Send(json);
        return Receive();
    }

    public void Dispose()
    {
        _socket.Dispose();
    }
}
