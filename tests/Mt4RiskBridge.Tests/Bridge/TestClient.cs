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

    public static TestClient Dealer(string endpoint, byte[]? identity = null)
    {
        var socket = new DealerSocket();
        if (identity is not null) socket.Options.Identity = identity;
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

    /// <summary>Reads until a message of <paramref name="type"/> arrives, skipping others; throws at the deadline.</summary>
    public JsonElement ReceiveType(string type)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            if (!_socket.TryReceiveFrameBytes(deadline - DateTime.UtcNow, out var frame)) break;
            using var document = JsonDocument.Parse(frame);
            if (document.RootElement.GetProperty("type").GetString() == type) return document.RootElement.Clone();
        }
        throw new TimeoutException($"no {type} within {Deadline.TotalSeconds} s");
    }

    /// <summary>Every message that arrives within <paramref name="wait"/>.</summary>
    public List<JsonElement> ReceiveAll(TimeSpan wait)
    {
        var messages = new List<JsonElement>();
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline && _socket.TryReceiveFrameBytes(deadline - DateTime.UtcNow, out var frame))
        {
            using var document = JsonDocument.Parse(frame);
            messages.Add(document.RootElement.Clone());
        }
        return messages;
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
