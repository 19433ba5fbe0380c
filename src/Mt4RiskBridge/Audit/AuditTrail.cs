using System.Buffers;
using System.Diagnostics;
using Mt4RiskBridge.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Audit;

/// <summary>
/// Appends every decision to a JSON-lines file. <see cref="Record"/> hands the whole line to the operating
/// system in one append before the decision is sent, so a decision a client received survives a killed
/// process and no line is ever half written; it does not wait for the disk. A background task forces the
/// file to disk at least every <see cref="FlushInterval"/> and at shutdown, so a power cut loses at most that.
/// Registered before the transport, so it stops after it and sees the last decision.
/// </summary>
public sealed partial class AuditTrail : IHostedService, IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly BridgeMetrics _metrics;
    private FileStream? _file;
    private ITimer? _flusher;
    private long _written;
    private long _flushed;
    private bool _failed;

    public AuditTrail(IOptions<BridgeOptions> options, ILogger<AuditTrail> logger, BridgeMetrics metrics)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.AuditPath);
        _logger = logger;
        // The flush cadence is real time even when tests fake the service clock.
        _time = TimeProvider.System;
    }

    public string FilePath => _path;

    /// <summary>Open and not failed: decisions can be recorded (and therefore sent).</summary>
    public bool IsWritable
    {
        get
        {
            lock (_gate) return _file is not null && !_failed;
        }
    }

    /// <summary>Lines appended to the file so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>
    /// Appends one decision. Returns false when it could not be written (not started, stopped, or the disk
    /// refused), so the caller can refuse to send a decision that is not on record.
    /// </summary>
    public bool Record(AuditEntry entry)
    {
        lock (_gate)
        {
            if (_file is null || _failed) return false;
            _line.ResetWrittenCount();
            AuditLine.Write(_line, entry);
            try
            {
                // One write of the complete line: the kernel has it before the decision leaves.
                var started = Stopwatch.GetTimestamp();
                _file.Write(_line.WrittenSpan);
                _metrics.AuditWritten(started);
            }
            catch (IOException ex)
            {
                _failed = true;
                LogWriteFailed(ex, _path);
                return false;
            }
            _written++;
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var torn = EndsWithoutNewline(_path);
        lock (_gate)
        {
            _file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            // A fragment left by a power cut must never run into the next line; readers skip it as one bad line.
            if (torn) _file.Write("\n"u8);
        }
        _flusher = _time.CreateTimer(_ => Flush(), null, FlushInterval, FlushInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _flusher?.Dispose();
        lock (_gate)
        {
            if (_file is null) return Task.CompletedTask;
            Flush();
            _file.Dispose();
            _file = null;
        }
        LogClosed(_written, _path);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _flusher?.Dispose();
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private static bool EndsWithoutNewline(string path)
    {
        if (!File.Exists(path)) return false;
        using var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (existing.Length == 0) return false;
        existing.Seek(-1, SeekOrigin.End);
        return existing.ReadByte() != '\n';
    }

    private void Flush()
    {
        lock (_gate)
        {
            if (_file is null || _failed || _flushed == _written) return;
            try
            {
                _file.Flush(flushToDisk: true);
                _flushed = _written;
            }
            catch (IOException ex)
            {
                _failed = true;
                LogWriteFailed(ex, _path);
            }
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Audit trail closed after {Lines} decisions: {Path}")]
    private partial void LogClosed(long lines, string path);

    [LoggerMessage(EventId = 301, Level = LogLevel.Critical, Message = "Audit trail could not be written; decisions are now refused: {Path}")]
    private partial void LogWriteFailed(Exception exception, string path);
}
