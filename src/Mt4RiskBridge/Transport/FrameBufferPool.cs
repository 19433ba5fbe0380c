using System.Buffers;
using System.Numerics;
using NetMQ;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// The arrays NetMQ reads frames into, reused instead of allocated per frame. Peers streaming large messages
/// otherwise allocate their bytes per second on the managed heap, and the frames waiting in the receive queues live
/// long enough to be promoted, so the collector pauses the socket thread for everyone (in the heavy drill, GC pauses
/// were the largest part of another terminal's check latency). Bounded: at most <see cref="ArraysPerSize"/> idle
/// arrays of each power-of-two size up to <see cref="LargestPooled"/>; larger frames are allocated as before.
/// One per process, because NetMQ's buffer pool is process-wide.
/// </summary>
internal sealed class FrameBufferPool : IBufferPool
{
    /// <summary>The largest array kept: the default hard frame limit (2 × 256 KiB) fits.</summary>
    internal const int LargestPooled = 1024 * 1024;

    /// <summary>Idle arrays kept per size: the receive queues of a few heavy peers, not of every peer.</summary>
    internal const int ArraysPerSize = 64;

    private static int _installed;
    private readonly ArrayPool<byte> _pool = ArrayPool<byte>.Create(LargestPooled, ArraysPerSize);

    private FrameBufferPool()
    {
    }

    /// <summary>Makes NetMQ take frame buffers from the pool; later calls (a second host in one process) keep the first.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0) BufferPool.SetCustomBufferPool(new FrameBufferPool());
    }

    public byte[] Take(int size) => _pool.Rent(size);

    public void Return(byte[] buffer)
    {
        // Arrays NetMQ took before the pool was installed, or beyond its largest size, are not the pool's: left to the GC.
        if (buffer.Length < 16 || buffer.Length > LargestPooled || !BitOperations.IsPow2(buffer.Length)) return;
        _pool.Return(buffer);
    }

    public void Dispose()
    {
    }
}
