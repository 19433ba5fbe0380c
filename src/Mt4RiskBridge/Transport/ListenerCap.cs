using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using AsyncIO;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Settings;
using NetMQ;
using NetMQ.Monitoring;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// Bounds the TCP connections the ROUTER holds, whether or not they ever complete a handshake. NetMQ accepts every
/// connection and has no handshake timeout, and when the process runs out of file descriptors its listener dies
/// (and the process with it); so the socket monitor reports each accepted connection, and one beyond the cap is
/// closed at once. The cap is <c>Bridge:MaxConnections</c> + <c>Bridge:MaxPendingConnections</c>, lowered to fit in
/// the process's file-descriptor limit with an eighth of it to spare. Socket thread only (the monitor runs on the poller).
/// </summary>
public sealed partial class ListenerCap : IDisposable
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private readonly HashSet<AsyncSocket> _open = new(ReferenceEqualityComparer.Instance);
    private readonly NetMQMonitor _monitor;
    private readonly BridgeCounters _counters;
    private readonly ILogger _logger;
    private bool _disposed;
    private long? _fullLoggedAt;
    private long? _acceptFailedLoggedAt;

    public ListenerCap(NetMQSocket router, BridgeOptions options, BridgeCounters counters, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _counters = counters;
        _logger = logger;
        Limit = CapFor(options.MaxConnections + (long)options.MaxPendingConnections, FileDescriptorLimit(), OpenFileDescriptors());
        // Created before the socket binds, so no connection is accepted unseen.
        _monitor = new NetMQMonitor(router, "inproc://mt4riskbridge-listener-" + Guid.NewGuid().ToString("N"),
            SocketEvents.Accepted | SocketEvents.Disconnected | SocketEvents.Closed | SocketEvents.AcceptFailed);
        _monitor.Accepted += (_, e) => OnAccepted(e.Socket);
        _monitor.Disconnected += (_, e) => Forget(e.Socket);
        _monitor.Closed += (_, e) => Forget(e.Socket);
        _monitor.AcceptFailed += (_, e) =>
        {
            if (Due(ref _acceptFailedLoggedAt)) LogAcceptFailed(e.ErrorCode.ToString());
        };
    }

    /// <summary>Most TCP connections held at once.</summary>
    public int Limit { get; }

    /// <summary>TCP connections held now.</summary>
    public int Open => _open.Count;

    public void AttachTo(NetMQPoller poller) => _monitor.AttachToPoller(poller);

    /// <summary>
    /// The configured cap, lowered to fit in the descriptors not yet open, leaving an eighth of the limit (at least
    /// 64) for files, logs and connections accepted before the monitor reports them.
    /// </summary>
    internal static int CapFor(long configured, long? descriptorLimit, int openAlready)
    {
        var cap = configured;
        if (descriptorLimit is { } limit) cap = Math.Min(cap, limit - openAlready - Math.Max(64, limit / 8));
        return (int)Math.Clamp(cap, 1, int.MaxValue);
    }

    /// <summary>Descriptors the process holds now (Linux); 0 where that cannot be read.</summary>
    internal static int OpenFileDescriptors() =>
        Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : 0;

    /// <summary>The soft limit on open files, read from <c>/proc/self/limits</c> on Linux; null elsewhere.</summary>
    internal static long? FileDescriptorLimit()
    {
        const string Path = "/proc/self/limits";
        if (!File.Exists(Path)) return null;
        foreach (var line in File.ReadLines(Path))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
        }
        return null;
    }

    private void OnAccepted(AsyncSocket? socket)
    {
        if (socket is null) return;
        if (_open.Count < Limit)
        {
            _open.Add(socket);
            return;
        }
        // Shut down, not disposed: NetMQ's engine still owns the socket, sees its reads and writes fail, and cleans up
        // as for any peer that hung up (disposing it under the engine crashes NetMQ's I/O thread).
        ShutDown(socket);
        _counters.CountTcpRefused();
        if (Due(ref _fullLoggedAt)) LogFull(Limit);
    }

    /// <summary>At most one line per <see cref="LogEvery"/> for each kind of trouble, however fast it comes.</summary>
    private static bool Due(ref long? loggedAt)
    {
        var now = Environment.TickCount64;
        if (loggedAt is { } last && now - last < LogEvery.TotalMilliseconds) return false;
        loggedAt = now;
        return true;
    }

    /// <summary>
    /// AsyncIO wraps a <see cref="Socket"/> without exposing it or a shutdown; the field is read once per refused
    /// connection. If a later AsyncIO names it differently, the connection is left open and counted (never a crash).
    /// </summary>
    private static void ShutDown(AsyncSocket socket)
    {
        var field = socket.GetType().GetField("m_socket", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.GetValue(socket) is not Socket inner) return;
        try
        {
            inner.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone: nothing left to shut.
        }
        catch (ObjectDisposedException)
        {
            // NetMQ closed it first.
        }
    }

    private void Forget(AsyncSocket? socket)
    {
        if (socket is not null) _open.Remove(socket);
    }

    public void Dispose()
    {
        // NetMQ's monitor cannot be disposed twice, and the host may dispose the transport more than once.
        if (_disposed) return;
        _disposed = true;
        _monitor.Dispose();
    }

    [LoggerMessage(EventId = 722, Level = LogLevel.Warning,
        Message = "Holding the most TCP connections allowed ({Limit}: Bridge:MaxConnections + Bridge:MaxPendingConnections, within the file-descriptor limit); closing new ones")]
    private partial void LogFull(int limit);

    [LoggerMessage(EventId = 723, Level = LogLevel.Warning, Message = "Accepting a TCP connection failed ({Error})")]
    private partial void LogAcceptFailed(string error);
}
