using System.Collections.Concurrent;
using System.Net.Sockets;
using AsyncIO;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Settings;
using NetMQ;
using NetMQ.Monitoring;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// Bounds the TCP connections the ROUTER holds, whether or not they ever complete a handshake. NetMQ accepts every
/// connection it is handed, has no handshake timeout, and dies when an accept fails at once for want of a file
/// descriptor; so NetMQ must never meet the descriptor limit. The socket monitor reports each accepted connection;
/// while the cap is held (or for a moment after a failed accept) the listening socket's kernel filter drops new
/// connection requests, so clients wait and retry and NetMQ sees at most the few already queued, which are shut at
/// once. A connection whose peer has not sent a complete ZeroMQ handshake within <c>Bridge:HandshakeTimeoutSeconds</c>
/// is shut as well, and so is one that is not, <c>Bridge:HelloTimeoutSeconds</c> after it was accepted, kept for an
/// accepted hello (the socket thread reports each connection kept and each one let go). The cap is <c>Bridge:MaxConnections</c> + <c>Bridge:MaxPendingConnections</c>, lowered to fit in
/// the open-file limit beside a reserve. Runs on its own thread, so a busy socket thread cannot delay the gate.
/// </summary>
public sealed partial class ListenerCap : IDisposable
{
    /// <summary>
    /// Fewer bytes than this from a peer means its handshake is not complete: a ZeroMQ 3 greeting is 64 bytes and the
    /// shortest handshake command (a NULL READY without properties) 8 more.
    /// </summary>
    internal const int HandshakeBytes = 72;

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AcceptBackOff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private readonly Dictionary<AsyncSocket, Peer> _open = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<(AsyncSocket Socket, Peer Peer)> _awaitingHandshake = new();
    private readonly Queue<(AsyncSocket Socket, Peer Peer)> _awaitingHello = new();
    private readonly ConcurrentQueue<(AsyncSocket Socket, bool Kept)> _keptReports = new();
    // Reports for connections whose accept the monitor has not delivered yet, and when they came.
    private readonly Dictionary<AsyncSocket, (bool Kept, long At)> _early = new(ReferenceEqualityComparer.Instance);
    private readonly NetMQMonitor _monitor;
    private readonly NetMQPoller _poller;
    private readonly NetMQQueue<bool> _sweeps = new();
    private readonly BridgeCounters _counters;
    private readonly TimeProvider _time;
    private readonly TimeSpan _handshakeTimeout;
    private readonly TimeSpan _helloTimeout;
    private readonly OpenFileLimit? _files;
    private readonly int _maxConnections;
    private readonly ILogger _logger;
    private ITimer? _sweepTimer;
    private Socket? _listening;
    private bool _gateClosed;
    private bool _gateUnavailableLogged;
    private long? _backOffFrom;
    private bool _disposed;
    private long? _fullLoggedAt;
    private long? _acceptFailedLoggedAt;
    private long? _timeoutLoggedAt;
    private long? _helloTimeoutLoggedAt;

    public ListenerCap(NetMQSocket router, BridgeOptions options, BridgeCounters counters, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(options);
        _counters = counters;
        _time = time;
        _logger = logger;
        _handshakeTimeout = TimeSpan.FromSeconds(options.HandshakeTimeoutSeconds);
        _helloTimeout = TimeSpan.FromSeconds(options.HelloTimeoutSeconds);
        _maxConnections = options.MaxConnections;
        _files = OpenFileLimit.Read();
        Limit = CapFor(options.MaxConnections + (long)options.MaxPendingConnections, _files?.Soft, OpenFileLimit.OpenDescriptors(), router.Options.Backlog);

        // Created before the socket binds, so no connection is accepted unseen.
        _monitor = new NetMQMonitor(router, "inproc://mt4riskbridge-listener-" + Guid.NewGuid().ToString("N"),
            SocketEvents.Listening | SocketEvents.Accepted | SocketEvents.Disconnected | SocketEvents.Closed | SocketEvents.AcceptFailed);
        _monitor.Listening += (_, e) => OnListening(e.Socket);
        _monitor.Accepted += (_, e) => OnAccepted(e.Socket);
        _monitor.Disconnected += (_, e) => Forget(e.Socket);
        _monitor.Closed += (_, e) => Forget(e.Socket);
        _monitor.AcceptFailed += (_, e) => OnAcceptFailed(e.ErrorCode.ToString());
        _sweeps.ReceiveReady += (_, _) => Sweep();
        _poller = [_sweeps];
        _monitor.AttachToPoller(_poller);
    }

    /// <summary>Most TCP connections held at once.</summary>
    public int Limit { get; }

    /// <summary>Starts the listener's thread once the socket is bound; the bind's events wait for it.</summary>
    public void Start()
    {
        // Logged once the socket is bound, so a start that fails still says one line only.
        if (_files is null) LogFileLimitNotApplicable();
        else LogFileLimit(_files.ToString());
        if (_maxConnections > Limit) LogFileLimitTooLow(_maxConnections, Limit, _files?.ToString() ?? "");
        _poller.RunAsync("Mt4RiskBridge listener");
        _sweepTimer = _time.CreateTimer(_ => RequestSweep(), null, SweepEvery, SweepEvery);
    }

    /// <summary>
    /// The configured cap, lowered to fit in the descriptors not yet open, keeping free an eighth of the limit (at
    /// least 64) for files and logs plus the listen backlog: the connections the kernel may already have queued when
    /// the gate closes, which NetMQ still accepts.
    /// </summary>
    internal static int CapFor(long configured, long? descriptorLimit, int openAlready, int backlog)
    {
        var cap = configured;
        if (descriptorLimit is { } limit) cap = Math.Min(cap, limit - openAlready - Math.Max(64, limit / 8) - Math.Max(0, backlog));
        return (int)Math.Clamp(cap, 1, int.MaxValue);
    }

    /// <summary>
    /// The socket thread kept the connection for an accepted hello (<paramref name="kept"/>) or let it go (failed
    /// authentication, silence past the session timeout); safe from any thread, applied on the listener's.
    /// </summary>
    public void Report(AsyncSocket connection, bool kept)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _keptReports.Enqueue((connection, kept));
    }

    private void RequestSweep()
    {
        if (!_sweeps.IsDisposed) _sweeps.Enqueue(true);
    }

    private void OnListening(AsyncSocket? socket)
    {
        _listening = OsSockets.Inner(socket);
        if (_listening is null) ReportGateUnavailable();
        ApplyGate();
    }

    private void OnAccepted(AsyncSocket? socket)
    {
        if (socket is null) return;
        var os = OsSockets.Inner(socket);
        if (_open.Count < Limit)
        {
            var peer = new Peer(os, _time.GetTimestamp());
            if (_early.Remove(socket, out var early)) peer.Kept = early.Kept;
            _open[socket] = peer;
            _awaitingHandshake.Enqueue((socket, peer));
            _awaitingHello.Enqueue((socket, peer));
        }
        else
        {
            // One the kernel had queued before the gate closed.
            if (os is not null) OsSockets.ShutDown(os);
            _counters.CountTcpRefused();
            if (Due(ref _fullLoggedAt)) LogFull(Limit);
        }
        ApplyGate();
    }

    private void OnAcceptFailed(string error)
    {
        // NetMQ retries at once; the kernel gate makes the retry wait for the back-off instead of spinning.
        _backOffFrom = _time.GetTimestamp();
        if (Due(ref _acceptFailedLoggedAt)) LogAcceptFailed(error, AcceptBackOff.TotalMilliseconds);
        ApplyGate();
    }

    private void Forget(AsyncSocket? socket)
    {
        if (socket is not null && _open.Remove(socket)) ApplyGate();
    }

    private void Sweep()
    {
        // Ticks that piled up while the thread was busy need one sweep, not one each.
        while (_sweeps.TryDequeue(out _, TimeSpan.Zero))
        {
        }
        ApplyKeptReports();
        while (_awaitingHandshake.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.Peer.AcceptedAt) >= _handshakeTimeout)
        {
            _awaitingHandshake.Dequeue();
            if (!IsOpen(oldest) || oldest.Peer.Os is not { } os) continue;
            // Unknown (not Linux) counts as complete: the connection is left to the hello timeout and the count cap.
            if (OsSockets.BytesReceived(os) is not { } received || received >= HandshakeBytes) continue;
            OsSockets.ShutDown(os);
            oldest.Peer.Shut = true;
            _counters.CountHandshakeTimedOut();
            if (Due(ref _timeoutLoggedAt)) LogHandshakeTimedOut(_handshakeTimeout.TotalSeconds, received);
        }
        while (_awaitingHello.TryPeek(out var oldest) && _time.GetElapsedTime(oldest.Peer.AcceptedAt) >= _helloTimeout)
        {
            _awaitingHello.Dequeue();
            if (IsOpen(oldest) && !oldest.Peer.Kept) ShutWithoutHello(oldest.Peer);
        }
        // Removing the entry being visited is allowed while enumerating a Dictionary.
        foreach (var (socket, early) in _early)
        {
            // A report whose accept never came (the peer left first) is not kept for ever.
            if (_time.GetElapsedTime(early.At) >= _helloTimeout) _early.Remove(socket);
        }
        ApplyGate();
    }

    private bool IsOpen((AsyncSocket Socket, Peer Peer) entry) =>
        _open.TryGetValue(entry.Socket, out var peer) && ReferenceEquals(peer, entry.Peer);

    /// <summary>Applies what the socket thread reported; a connection let go after its hello timeout is shut at once.</summary>
    private void ApplyKeptReports()
    {
        while (_keptReports.TryDequeue(out var report))
        {
            if (!_open.TryGetValue(report.Socket, out var peer))
            {
                _early[report.Socket] = (report.Kept, _time.GetTimestamp());
                continue;
            }
            peer.Kept = report.Kept;
            if (!report.Kept && _time.GetElapsedTime(peer.AcceptedAt) >= _helloTimeout) ShutWithoutHello(peer);
        }
    }

    /// <summary>Shuts a connection for want of a hello, once: a let-go report and the age queue may both come to it in one sweep.</summary>
    private void ShutWithoutHello(Peer peer)
    {
        if (peer.Shut || peer.Os is not { } os) return;
        OsSockets.ShutDown(os);
        peer.Shut = true;
        _counters.CountHelloTimedOut();
        if (Due(ref _helloTimeoutLoggedAt)) LogHelloTimedOut(_helloTimeout.TotalSeconds);
    }

    /// <summary>Closes the kernel gate while the cap is held or an accept failed within the back-off; opens it otherwise.</summary>
    private void ApplyGate()
    {
        if (_backOffFrom is { } from && _time.GetElapsedTime(from) >= AcceptBackOff) _backOffFrom = null;
        var close = _open.Count >= Limit || _backOffFrom is not null;
        if (close == _gateClosed || _listening is null) return;
        if (OsSockets.GateNewConnections(_listening, close)) _gateClosed = close;
        else ReportGateUnavailable();
    }

    private void ReportGateUnavailable()
    {
        if (_gateUnavailableLogged) return;
        _gateUnavailableLogged = true;
        LogGateUnavailable();
    }

    /// <summary>At most one line per <see cref="LogEvery"/> for each kind of trouble, however fast it comes.</summary>
    private static bool Due(ref long? loggedAt)
    {
        var now = Environment.TickCount64;
        if (loggedAt is { } last && now - last < LogEvery.TotalMilliseconds) return false;
        loggedAt = now;
        return true;
    }

    public void Dispose()
    {
        // NetMQ's monitor cannot be disposed twice, and the host may dispose the transport more than once.
        if (_disposed) return;
        _disposed = true;
        _sweepTimer?.Dispose();
        if (_poller.IsRunning) _poller.Stop();
        _monitor.Dispose();
        _poller.Dispose();
        _sweeps.Dispose();
    }

    /// <summary>
    /// One accepted connection: its operating-system socket (null if AsyncIO hides it), when it came, whether the
    /// socket thread keeps it for an accepted hello, and whether the listener has shut it. Listener thread only.
    /// </summary>
    private sealed class Peer(Socket? os, long acceptedAt)
    {
        public Socket? Os { get; } = os;
        public long AcceptedAt { get; } = acceptedAt;
        public bool Kept { get; set; }
        public bool Shut { get; set; }
    }

    [LoggerMessage(EventId = 722, Level = LogLevel.Warning,
        Message = "Holding the most TCP connections allowed ({Limit}: Bridge:MaxConnections + Bridge:MaxPendingConnections, within the open-file limit); new connection requests wait in the kernel")]
    private partial void LogFull(int limit);

    [LoggerMessage(EventId = 723, Level = LogLevel.Warning, Message = "Accepting a TCP connection failed ({Error}); new connections wait {BackOffMs:0} ms")]
    private partial void LogAcceptFailed(string error, double backOffMs);

    [LoggerMessage(EventId = 724, Level = LogLevel.Information, Message = "Open-file limit: {Limit}")]
    private partial void LogFileLimit(string limit);

    [LoggerMessage(EventId = 724, Level = LogLevel.Information, Message = "Open-file limit: not applicable on this system")]
    private partial void LogFileLimitNotApplicable();

    [LoggerMessage(EventId = 725, Level = LogLevel.Warning,
        Message = "Bridge:MaxConnections {Configured} is more than the {Allowed} TCP connections the open-file limit ({Limit}) leaves room for; raise the limit (systemd LimitNOFILE) or lower Bridge:MaxConnections")]
    private partial void LogFileLimitTooLow(int configured, int allowed, string limit);

    [LoggerMessage(EventId = 726, Level = LogLevel.Warning,
        Message = "Closed a TCP connection that had not completed the ZeroMQ handshake within {Seconds} s ({Received} bytes received)")]
    private partial void LogHandshakeTimedOut(double seconds, long received);

    [LoggerMessage(EventId = 728, Level = LogLevel.Warning,
        Message = "Closed a TCP connection that was not kept for an accepted hello {Seconds} s after it was accepted")]
    private partial void LogHelloTimedOut(double seconds);

    [LoggerMessage(EventId = 727, Level = LogLevel.Warning,
        Message = "The listening socket cannot be gated in the kernel on this system; connections beyond the cap are shut as they are accepted")]
    private partial void LogGateUnavailable();
}
