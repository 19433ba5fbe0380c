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

    private int _barriers;

    /// <summary>
    /// Every message that arrives before the ack of a heartbeat sent now. The service handles a connection's messages
    /// in order and answers on one thread, so whatever the earlier messages caused has arrived by then: a negative
    /// assertion on the result cannot pass merely because the machine was slow.
    /// </summary>
    public List<JsonElement> ReceiveUntilBarrier()
    {
        var id = "barrier-" + (++_barriers).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Send($$"""{"v":1,"type":"heartbeat","id":"{{id}}"}""");
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = Receive();
            if (message.GetProperty("type").GetString() == "ack" && message.TryGetProperty("id", out var ack) && ack.GetString() == id) return messages;
            messages.Add(message);
        }
    }

    /// <summary>Every frame already received and not yet read, without waiting: use it after a barrier.</summary>
    public List<string> ReceiveQueued()
    {
        var frames = new List<string>();
        while (_socket.TryReceiveFrameString(TimeSpan.Zero, out var frame)) frames.Add(frame);
        return frames;
    }

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
