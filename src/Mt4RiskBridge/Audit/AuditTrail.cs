using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Audit;

/// <summary>
/// Appends every decision to a JSON-lines file from a background task, so the socket thread only enqueues.
/// Lines reach the file within <see cref="FlushInterval"/> and all of them at shutdown. Registered before the
/// transport so it stops after it and sees the last decisions.
/// </summary>
public sealed partial class AuditTrail : IHostedService, IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly Channel<AuditEntry> _entries = Channel.CreateUnbounded<AuditEntry>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly string _path;
    private readonly ILogger<AuditTrail> _logger;
    private Task? _writer;
    private long _written;

    public AuditTrail(IOptions<BridgeOptions> options, ILogger<AuditTrail> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.AuditPath);
        _logger = logger;
    }

    public string FilePath => _path;

    /// <summary>Lines written to the file so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues a decision; never blocks. False only after shutdown began.</summary>
    public bool Record(AuditEntry entry) => _entries.Writer.TryWrite(entry);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _writer = Task.Run(() => WriteLoopAsync(stream), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _entries.Writer.TryComplete();
        if (_writer is not null) await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _entries.Writer.TryComplete();
        if (_writer is not null) await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync(FileStream stream)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var reader = _entries.Reader;
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                while (await reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    // Batch what is queued, bounded by the flush interval, into one write.
                    var started = Environment.TickCount64;
                    var count = 0;
                    while (reader.TryRead(out var entry))
                    {
                        AuditLine.Write(buffer, entry);
                        count++;
                        if (buffer.WrittenCount > 256 * 1024 || Environment.TickCount64 - started > FlushInterval.TotalMilliseconds) break;
                    }
                    await stream.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
                    buffer.ResetWrittenCount();
                    Interlocked.Add(ref _written, count);
                }
                await stream.FlushAsync().ConfigureAwait(false);
                LogClosed(_written, _path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogWriteFailed(ex, _path);
                throw;
            }
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Audit trail closed after {Lines} decisions: {Path}")]
    private partial void LogClosed(long lines, string path);

    [LoggerMessage(EventId = 301, Level = LogLevel.Critical, Message = "Audit trail could not be written: {Path}")]
    private partial void LogWriteFailed(Exception exception, string path);
}
