using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Settings;
using NetMQ;
using NetMQ.Sockets;
using Polly;
using Polly.Retry;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// Owns the ROUTER socket on one poller thread: receives frames, hands each message to
/// <see cref="MessageRouter"/> and sends its reply in the envelope the peer used. Other threads reach the
/// socket only through <see cref="Push"/>, which queues onto the poller. It binds once every hosted service has
/// started (<see cref="StartedAsync"/>), so the health endpoint already answers "not ready" while a port is still held.
/// </summary>
public sealed partial class BridgeServer : IHostedLifecycleService, IDisposable
{
    /// <summary>Replies and pushes queued per connection; a peer that does not read loses the excess, not the service's memory.</summary>
    private const int SendQueueMessages = 1000;

    /// <summary>
    /// What the socket delivers from a peer's identity when that peer's TCP connection ends, after everything the
    /// peer sent and before any new peer can take the identity. A peer that sends these bytes itself only ends its
    /// own session.
    /// </summary>
    internal static ReadOnlySpan<byte> DisconnectMarker => "\0mt4riskbridge:disconnected\0"u8;

    private readonly BridgeOptions _options;
    private readonly ConnectionTable _connections;
    private readonly MessageRouter _messages;
    private readonly TerminalPusher _pusher;
    private readonly BridgeEndpoint _endpoint;
    private readonly ServiceClock _clock;
    private readonly TimeProvider _time;
    private readonly Diagnostics.BridgeCounters _counters;
    private ListenerCap? _listener;
    private readonly BatchStatistics _statistics;
    private InboundBatch? _inbound;
    private readonly ILogger<BridgeServer> _logger;
    private readonly BridgeMetrics _metrics;
    private RouterSocket? _router;
    private NetMQPoller? _poller;
    private NetMQQueue<PushMessage>? _pushes;

    // Pushes queued and not yet sent: a reply goes out only after them, so a warning a message caused reaches the
    // terminal before the answer to any later message.
    private int _pendingPushes;
    // The sweep is timed by the TimeProvider (so tests move it with their clock) and run on the socket thread.
    private NetMQQueue<bool>? _sweeps;
    private ITimer? _sweepTimer;

    public BridgeServer(IOptions<BridgeOptions> options, ConnectionTable connections, MessageRouter messages, TerminalPusher pusher,
        BridgeEndpoint endpoint, ServiceClock clock, TimeProvider time, Diagnostics.BridgeCounters counters, ILogger<BridgeServer> logger,
        BridgeMetrics metrics, BatchStatistics statistics)
    {
        _statistics = statistics;
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _connections = connections;
        _messages = messages;
        _pusher = pusher;
        _endpoint = endpoint;
        _clock = clock;
        _time = time;
        _counters = counters;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!EndpointAddress.TryParse(_options.Endpoint, out var address))
            throw new OptionsValidationException(BridgeOptions.Section, typeof(BridgeOptions), [$"Bridge:Endpoint \"{_options.Endpoint}\" is not tcp://host:port"]);
        // Checked here too, so no way of building the host can open a non-loopback port in clear text.
        var security = Security.SecurityCheck.Validate(_options, AppContext.BaseDirectory, out var curve);
        if (security.Count > 0) throw new OptionsValidationException(BridgeOptions.Section, typeof(BridgeOptions), security);

        FrameBufferPool.Install();
        var router = new RouterSocket();
        router.Options.Linger = TimeSpan.Zero;
        // A small queue per peer: a sender faster than the service is held back by TCP, not buffered here.
        router.Options.ReceiveHighWatermark = _options.ReceiveQueueMessages;
        router.Options.SendHighWatermark = SendQueueMessages;
        // A peer sending a frame beyond the hard limit is disconnected before the frame is buffered; frames between
        // the message limit and the hard limit are read and refused with too_large so the sender learns why.
        router.Options.MaxMsgSize = HardFrameLimit(_options.MaxMessageBytes);
        router.Options.DisconnectMessage = DisconnectMarker.ToArray();
        if (curve is not null)
        {
            router.Options.CurveServer = true;
            router.Options.CurveCertificate = curve;
            LogCurve(curve.PublicKeyZ85);
        }
        _router = router;
        _listener = new ListenerCap(router, _options, _counters, _time, _logger);
        if (RouterPeers.Available(router)) _connections.KeptChanged += ReportKept;
        else LogPeersUnavailable();

        string bound;
        try
        {
            bound = await BindAsync(router, address!, cancellationToken).ConfigureAwait(false);
        }
        catch (AddressAlreadyInUseException ex)
        {
            throw new StartupFailedException($"Bridge:Endpoint {address} is in use by another process (is the service already running?)", ex);
        }
        catch (NetMQException ex)
        {
            throw new StartupFailedException($"Bridge:Endpoint {address} cannot be bound: {ex.Message}", ex);
        }
        _endpoint.SetBound(bound);

        _pushes = new NetMQQueue<PushMessage>();
        _pushes.ReceiveReady += (_, _) => SendPushes();
        _sweeps = new NetMQQueue<bool>();
        _sweeps.ReceiveReady += (_, _) => Sweep();
        _inbound = new InboundBatch(_connections, _messages, _clock, _statistics, _options.MaxMessageBytes, Reply, _logger);
        router.ReceiveReady += (_, _) => _inbound.Run(router);
        _poller = [router, _pushes, _sweeps];
        _listener.Start();
        _poller.RunAsync("Mt4RiskBridge socket");
        _sweepTimer = _time.CreateTimer(_ => RequestSweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _pusher.Attach(Push);
        LogListening(bound);
        LogTcpLimit(_listener.Limit);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop accepting first; the audit trail, registered earlier, stops after this and flushes what was decided.
        _sweepTimer?.Dispose();
        if (_poller is { IsRunning: true }) _poller.Stop();
        _router?.Close();
        LogStopped();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _connections.KeptChanged -= ReportKept;
        _listener?.Dispose();
        _poller?.Dispose();
        _sweepTimer?.Dispose();
        _pushes?.Dispose();
        _sweeps?.Dispose();
        _router?.Dispose();
        _inbound?.Dispose();
    }

    /// <summary>Queues a message for every DEALER connection of an account; safe from any thread.</summary>
    public void Push(long login, byte[] payload)
    {
        if (_pushes is not { } queue || queue.IsDisposed) return;
        Interlocked.Increment(ref _pendingPushes);
        queue.Enqueue(new PushMessage(login, payload));
    }

    /// <summary>Runs <paramref name="action"/> on the socket thread, between batches (tests hold the thread there so messages queue up).</summary>
    internal void RunOnSocketThread(Action action) => _poller?.Run(action);

    /// <summary>Asks the socket thread for a sweep now (an operator's halt or resume applied at once); safe from any thread.</summary>
    public void RequestSweep()
    {
        if (_sweeps is { } queue && !queue.IsDisposed) queue.Enqueue(true);
    }

    private void Sweep()
    {
        // Ticks that piled up while the thread was busy need one sweep, not one each.
        while (_sweeps!.TryDequeue(out _, TimeSpan.Zero))
        {
        }
        _connections.Sweep(_clock.Now);
    }

    /// <summary>Tells the listener which TCP connection a kept (or let go) identity uses; on the socket thread, which owns the ROUTER.</summary>
    private void ReportKept(byte[] identity, bool kept)
    {
        if (_router is { } router && RouterPeers.ConnectionOf(router, identity) is { } connection) _listener?.Report(connection, kept);
    }

    /// <summary>Twice the message limit, and at least 128 KiB over it, so a sender slightly over learns why.</summary>
    internal static long HardFrameLimit(int maxMessageBytes) => Math.Max(2L * maxMessageBytes, maxMessageBytes + 128L * 1024);

    private async Task<string> BindAsync(RouterSocket router, EndpointAddress address, CancellationToken cancellationToken)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AddressAlreadyInUseException>(),
                MaxRetryAttempts = Math.Max(1, _options.BindRetries),
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
                OnRetry = args =>
                {
                    LogBindRetry(address.ToString(), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        if (_options.BindRetries == 0) pipeline = ResiliencePipeline.Empty;

        return await pipeline.ExecuteAsync(_ =>
        {
            if (address.Port == 0)
            {
                var port = router.BindRandomPort(address.HostUri);
                return ValueTask.FromResult((address with { Port = port }).ToString());
            }
            router.Bind(address.ToString());
            return ValueTask.FromResult(address.ToString());
        }, cancellationToken).ConfigureAwait(false);
    }

    private void Reply(Connection connection, byte[]? reply)
    {
        if (reply is null) return;
        if (Volatile.Read(ref _pendingPushes) > 0) SendPushes();
        Send(connection, reply);
        _metrics.ReplySent();
    }

    private void Send(Connection connection, byte[] payload)
    {
        var router = _router!;
        // A peer that vanished makes the ROUTER drop the message; nothing else to do.
        if (!router.TrySendFrame(TimeSpan.Zero, connection.Identity, more: true)) return;
        if (connection.UsesDelimiter) router.SendMoreFrameEmpty();
        router.SendFrame(payload);
    }

    private void SendPushes()
    {
        while (_pushes!.TryDequeue(out var push, TimeSpan.Zero))
        {
            Interlocked.Decrement(ref _pendingPushes);
            foreach (var connection in _connections.PushTargets(push.Login)) Send(connection, push.Payload);
        }
    }

    private readonly record struct PushMessage(long Login, byte[] Payload);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Mt4RiskBridge listening on {Endpoint}")]
    private partial void LogListening(string endpoint);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Holding at most {Limit} TCP connections")]
    private partial void LogTcpLimit(int limit);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Endpoint {Endpoint} is still in use; retry {Attempt} in {DelayMs:0} ms")]
    private partial void LogBindRetry(string endpoint, int attempt, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Mt4RiskBridge stopped accepting messages")]
    private partial void LogStopped();

    [LoggerMessage(EventId = 729, Level = LogLevel.Warning,
        Message = "This NetMQ does not let the service find a peer's TCP connection; connections that never say hello are closed only when they disconnect")]
    private partial void LogPeersUnavailable();

    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "CURVE encryption on; server public key {PublicKey}")]
    private partial void LogCurve(string publicKey);
}
