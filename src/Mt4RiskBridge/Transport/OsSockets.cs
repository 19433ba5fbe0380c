using System.Buffers.Binary;
using System.Net.Sockets;
using System.Reflection;
using AsyncIO;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// What the listener does to the operating-system sockets under NetMQ, which exposes none of this: find the
/// <see cref="Socket"/> inside AsyncIO's wrapper, shut one down, read how many bytes its peer sent, and gate the
/// listening socket's new connections in the kernel. Each returns quietly where the system or AsyncIO does not allow it.
/// </summary>
internal static class OsSockets
{
    private const int SolSocket = 1;
    private const int SoAttachFilter = 26;
    private const int SoDetachFilter = 27;
    private const int IpProtoTcp = 6;
    private const int TcpInfo = 11;
    private const int TcpInfoBytesReceived = 128;

    /// <summary>
    /// A classic BPF program that drops TCP segments with SYN set and ACK clear (new connection requests) and passes
    /// everything else: on a listening socket it stops new handshakes while queued ones and established connections go
    /// on. A socket filter sees the TCP header at offset 0; byte 13 holds the flags. Pinned, as the kernel reads it by address.
    /// </summary>
    private static readonly byte[] DropSyn = Program(
        (0x30, 0, 0, 13),          // ldb [13]
        (0x54, 0, 0, 0x12),        // and #(SYN|ACK)
        (0x15, 0, 1, 0x02),        // jeq #SYN ? drop : keep
        (0x06, 0, 0, 0),           // drop: ret #0
        (0x06, 0, 0, 0xFFFF_FFFF)); // keep: ret #-1

    /// <summary>
    /// The socket AsyncIO wraps (its field <c>m_socket</c>); null if a later AsyncIO names it differently, which leaves
    /// the listener without these tools rather than crashing.
    /// </summary>
    public static Socket? Inner(AsyncSocket? socket) =>
        socket?.GetType().GetField("m_socket", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(socket) as Socket;

    /// <summary>
    /// Shuts the connection down without closing it: NetMQ's engine still owns the descriptor, sees its reads fail and
    /// cleans up as for any peer that hung up (closing it under the engine crashes NetMQ's I/O thread).
    /// </summary>
    public static void ShutDown(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone or closed by NetMQ: nothing left to shut.
        }
    }

    /// <summary>Bytes the peer has sent on this connection (Linux <c>TCP_INFO</c>); null where that cannot be read.</summary>
    public static long? BytesReceived(Socket socket)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Span<byte> info = stackalloc byte[256];
        try
        {
            var length = socket.GetRawSocketOption(IpProtoTcp, TcpInfo, info);
            return length >= TcpInfoBytesReceived + 8 ? (long)BinaryPrimitives.ReadUInt64LittleEndian(info[TcpInfoBytesReceived..]) : null;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Stops (or lets through again) new connection requests to a listening socket; false when the system refused.</summary>
    public static bool GateNewConnections(Socket listener, bool closed)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            if (closed) listener.SetRawSocketOption(SolSocket, SoAttachFilter, ProgramHeader(DropSyn));
            else listener.SetRawSocketOption(SolSocket, SoDetachFilter, stackalloc byte[4]);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>struct sock_fprog: the instruction count, then the program's address at pointer alignment.</summary>
    private static byte[] ProgramHeader(byte[] program)
    {
        var header = new byte[2 * IntPtr.Size];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(program.Length / 8));
        var address = System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(program, 0);
        if (IntPtr.Size == 8) BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), address.ToInt64());
        else BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), address.ToInt32());
        return header;
    }

    /// <summary>struct sock_filter instructions (code, jt, jf, k), in a pinned array.</summary>
    private static byte[] Program(params (ushort Code, byte JumpTrue, byte JumpFalse, uint K)[] instructions)
    {
        var program = GC.AllocateArray<byte>(instructions.Length * 8, pinned: true);
        for (var i = 0; i < instructions.Length; i++)
        {
            var slot = program.AsSpan(i * 8, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(slot, instructions[i].Code);
            slot[2] = instructions[i].JumpTrue;
            slot[3] = instructions[i].JumpFalse;
            BinaryPrimitives.WriteUInt32LittleEndian(slot[4..], instructions[i].K);
        }
        return program;
    }
}
