using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// <see cref="TerminalSessions"/> and sends its reply in the envelope the peer used. Other threads reach the
/// socket only through <see cref="Push"/>, which queues onto the poller.
/// </summary>
public sealed partial class BridgeServer : IHostedService, IDisposable
{
    /// <summary>Messages handled per readiness event, so timers and pushes get their turn under load.</summary>
    private const int BatchSize = 512;

    private readonly BridgeOptions _options;
    private readonly TerminalSessions _sessions;
    private readonly BridgeEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger<BridgeServer> _logger;
    private RouterSocket? _router;
    private NetMQPoller? _poller;
    private NetMQQueue<PushMessage>? _pushes;
    private NetMQTimer? _sweep;

    public BridgeServer(IOptions<BridgeOptions> options, TerminalSessions sessions, BridgeEndpoint endpoint, TimeProvider time, ILogger<BridgeServer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _sessions = sessions;
        _endpoint = endpoint;
        _time = time;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!EndpointAddress.TryParse(_options.Endpoint, out var address))
            throw new OptionsValidationException(BridgeOptions.Section, typeof(BridgeOptions), [$"Bridge:Endpoint \"{_options.Endpoint}\" is not tcp://host:port"]);
        // Checked here too, so no way of building the host can open a non-loopback port in clear text.
        var security = Security.SecurityCheck.Validate(_options, AppContext.BaseDirectory, out var curve);
        if (security.Count > 0) throw new OptionsValidationException(BridgeOptions.Section, typeof(BridgeOptions), security);

        var router = new RouterSocket();
        router.Options.Linger = TimeSpan.Zero;
        router.Options.ReceiveHighWatermark = 100_000;
        router.Options.SendHighWatermark = 100_000;
        // Frames beyond the hard limit are dropped by the socket before they are buffered; frames between the
        // message limit and the hard limit are read and refused with too_large so the sender learns why.
        router.Options.MaxMsgSize = HardFrameLimit(_options.MaxMessageBytes);
        if (curve is not null)
        {
            router.Options.CurveServer = true;
            router.Options.CurveCertificate = curve;
            LogCurve(curve.PublicKeyZ85);
        }
        _router = router;

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
        _sweep = new NetMQTimer(TimeSpan.FromSeconds(1));
        _sweep.Elapsed += (_, _) => _sessions.Sweep(_time.GetUtcNow());
        router.ReceiveReady += (_, _) => ReceiveBatch();
        _poller = [router, _pushes, _sweep];
        _poller.RunAsync("Mt4RiskBridge socket");
        _sessions.AttachPusher(Push);
        LogListening(bound);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop accepting first; the audit trail, registered earlier, stops after this and flushes what was decided.
        if (_poller is { IsRunning: true }) _poller.Stop();
        _router?.Close();
        LogStopped();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _poller?.Dispose();
        _pushes?.Dispose();
        _router?.Dispose();
    }

    /// <summary>Queues a message for every DEALER connection of an account; safe from any thread.</summary>
    public void Push(long login, byte[] payload)
    {
        if (_pushes is { } queue && !queue.IsDisposed) queue.Enqueue(new PushMessage(login, payload));
    }

    internal static long HardFrameLimit(int maxMessageBytes) => Math.Max(16L * 1024 * 1024, 4L * maxMessageBytes);

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

    private void ReceiveBatch()
    {
        var router = _router!;
        var frame = default(Msg);
        frame.InitEmpty();
        try
        {
            for (var i = 0; i < BatchSize; i++)
            {
                if (!router.TryReceive(ref frame, TimeSpan.Zero)) return;
                var connection = _sessions.Connect(frame.Slice(), _time.GetUtcNow());
                if (!frame.HasMore) continue;
                router.Receive(ref frame);
                // REQ peers send an empty delimiter before the message; DEALER peers send the message alone.
                var delimited = frame.Size == 0 && frame.HasMore;
                if (delimited) router.Receive(ref frame);
                connection.UsesDelimiter = delimited;
                if (frame.HasMore)
                {
                    var frames = 1;
                    while (frame.HasMore)
                    {
                        router.Receive(ref frame);
                        frames++;
                    }
                    Reply(connection, _sessions.RefuseFrames(connection, frames));
                    continue;
                }
                Reply(connection, frame.Size > _options.MaxMessageBytes
                    ? _sessions.RefuseTooLarge(connection, frame.Size, _options.MaxMessageBytes)
                    : HandleGuarded(connection, frame.Slice()));
            }
        }
        finally
        {
            frame.Close();
        }
    }

    /// <summary>
    /// Hands one message to the sessions; a failure anywhere in its handling becomes an <c>engine_error</c> reply
    /// (never an approval) and the socket thread lives on to serve the next message.
    /// </summary>
    private byte[]? HandleGuarded(Connection connection, ReadOnlySpan<byte> payload)
    {
        try
        {
            return _sessions.Handle(connection, payload, connection.LastSeen);
        }
#pragma warning disable CA1031 // Whatever one message breaks, the other terminals keep their risk gate.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var id = WireParser.Parse(payload).Id;
            LogHandlingFailed(ex, connection.Login, id);
            return WireWriter.Serialize(new WireError(WireErrorCode.EngineError,
                "the service failed while handling this message; it was not approved and the failure is logged") { Id = id });
        }
    }

    private void Reply(Connection connection, byte[]? reply)
    {
        if (reply is not null) Send(connection, reply);
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
            foreach (var connection in _sessions.PushTargets(push.Login)) Send(connection, push.Payload);
        }
    }

    private readonly record struct PushMessage(long Login, byte[] Payload);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Mt4RiskBridge listening on {Endpoint}")]
    private partial void LogListening(string endpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Endpoint {Endpoint} is still in use; retry {Attempt} in {DelayMs:0} ms")]
    private partial void LogBindRetry(string endpoint, int attempt, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Mt4RiskBridge stopped accepting messages")]
    private partial void LogStopped();

    [LoggerMessage(EventId = 721, Level = LogLevel.Error, Message = "Handling a message of account {Login} (id {Id}) failed; answered engine_error")]
    private partial void LogHandlingFailed(Exception exception, long? login, string? id);

    [LoggerMessage(EventId = 720, Level = LogLevel.Information, Message = "CURVE encryption on; server public key {PublicKey}")]
    private partial void LogCurve(string publicKey);
}
