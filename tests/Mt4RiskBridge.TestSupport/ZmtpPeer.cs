using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mt4RiskBridge.TestSupport;

/// <summary>
/// A DEALER peer written on a bare TCP socket (ZMTP 3.0, NULL mechanism), so a test can see the service end the
/// connection itself (a read of 0 bytes) instead of NetMQ reconnecting behind its back. Its READY names only the
/// socket type: the Identity property is optional in ZMTP 3.0.
/// </summary>
public sealed class ZmtpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    private ZmtpPeer()
    {
    }

    /// <summary>Connects and completes the handshake: greeting and READY each way.</summary>
    public static async Task<ZmtpPeer> HandshakeAsync(string endpoint)
    {
        var peer = new ZmtpPeer();
        await peer._socket.ConnectAsync(IPAddress.Loopback, new Uri(endpoint).Port);
        await peer._socket.SendAsync(ClientHandshake(), SocketFlags.None);

        var theirs = await peer.ReadExactlyAsync(64);
        if (theirs[0] != 0xFF || theirs[10] != 3) throw new InvalidOperationException("not a ZMTP 3 greeting");
        var (isCommand, body) = await peer.ReadFrameAsync();
        if (!isCommand || !body.AsSpan(1, 5).SequenceEqual("READY"u8)) throw new InvalidOperationException("no READY from the service");
        return peer;
    }

    /// <summary>What a DEALER sends first: its greeting (NULL mechanism) and its READY command.</summary>
    public static byte[] ClientHandshake()
    {
        var greeting = new byte[64];
        greeting[0] = 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        "NULL"u8.CopyTo(greeting.AsSpan(12));
        var ready = Ready();
        return [.. greeting, 0x04, (byte)ready.Length, .. ready];
    }

    /// <summary>Sends one single-frame message.</summary>
    public Task SendAsync(string message) => SendFrameAsync(Encoding.UTF8.GetBytes(message), command: false);

    /// <summary>Reads the next message's text.</summary>
    public async Task<string> ReceiveAsync()
    {
        var (_, body) = await ReadFrameAsync();
        return Encoding.UTF8.GetString(body);
    }

    /// <summary>Reads until the service ends the stream; the bytes that came before the end.</summary>
    public async Task<int> ReadUntilClosedAsync()
    {
        var buffer = new byte[256];
        var total = 0;
        int read;
        while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) total += read;
        return total;
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>A READY command naming the socket type: name length, name, value length (4 bytes), value.</summary>
    private static byte[] Ready()
    {
        var body = new List<byte> { 5 };
        body.AddRange("READY"u8.ToArray());
        body.Add(11);
        body.AddRange("Socket-Type"u8.ToArray());
        body.AddRange([0, 0, 0, 6]);
        body.AddRange("DEALER"u8.ToArray());
        return [.. body];
    }

    private async Task SendFrameAsync(byte[] body, bool command)
    {
        var flags = (byte)(command ? 0x04 : 0x00);
        byte[] header;
        if (body.Length <= 255)
        {
            header = [flags, (byte)body.Length];
        }
        else
        {
            header = new byte[9];
            header[0] = (byte)(flags | 0x02);
            BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(1), (ulong)body.Length);
        }
        await _socket.SendAsync(header, SocketFlags.None);
        await _socket.SendAsync(body, SocketFlags.None);
    }

    private async Task<(bool IsCommand, byte[] Body)> ReadFrameAsync()
    {
        var flags = (await ReadExactlyAsync(1))[0];
        var size = (flags & 0x02) != 0
            ? (int)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8))
            : (await ReadExactlyAsync(1))[0];
        return ((flags & 0x04) != 0, await ReadExactlyAsync(size));
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0) throw new IOException("the service ended the connection");
            read += n;
        }
        return buffer;
    }
}
