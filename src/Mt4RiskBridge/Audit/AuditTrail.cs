using System.Buffers;
using System.Diagnostics;
using System.Globalization;
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
/// When the disk refuses a write (full, gone), decisions are refused, and the file is opened again at most every
/// <see cref="RetryInterval"/> as decisions come: once space returns the trail goes on without a restart, a torn
/// last line closed off first. Registered before the transport, so it stops after it and sees the last decision.
/// </summary>
public sealed partial class AuditTrail : IHostedService, IDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a failed trail tries the disk again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Func<string, Stream> _open;
    private readonly BridgeMetrics _metrics;
    private Stream? _file;
    private ITimer? _flusher;
    private long _written;
    private long _flushed;
    private readonly long _rollBytes;
    private readonly int _retain;
    private bool _failed;
    private long _failedAt;
    private long _size;
    private int _rolls;
    private DateOnly? _day;

    public AuditTrail(IOptions<BridgeOptions> options, ILogger<AuditTrail> logger, BridgeMetrics metrics)
        : this(options, logger, metrics, OpenForAppend)
    {
    }

    /// <summary>With the way the file is opened given, so tests can stand in for a disk that fills and empties.</summary>
    internal AuditTrail(IOptions<BridgeOptions> options, ILogger<AuditTrail> logger, BridgeMetrics metrics, Func<string, Stream> open)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(options);
        _path = Path.GetFullPath(options.Value.AuditPath);
        _rollBytes = options.Value.AuditRollBytes;
        _retain = options.Value.AuditRetainFiles;
        _logger = logger;
        _open = open;
        // The flush and retry cadences are real time even when tests fake the service clock.
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
            if (_file is null || (_failed && !TryReopen())) return false;
            _line.ResetWrittenCount();
            AuditLine.Write(_line, entry);
            // Set aside before the write, so the line, and the decision after it, land in the file that stays current.
            var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
            if (_day is { } started && (day > started || (_size > 0 && _size + _line.WrittenCount > _rollBytes))) Roll(entry.At);
            if (_failed) return false;
            _day ??= day;
            try
            {
                // One write of the complete line: the kernel has it before the decision leaves.
                var writeStarted = Stopwatch.GetTimestamp();
                _file.Write(_line.WrittenSpan);
                _metrics.AuditWritten(writeStarted);
            }
            catch (IOException ex)
            {
                Fail(ex);
                return false;
            }
            _written++;
            _size += _line.WrittenCount;
            return true;
        }
    }

    /// <summary>Under the lock: the current file renamed with the time, a new one started, the oldest beyond the retention deleted.</summary>
    private void Roll(DateTimeOffset at)
    {
        var directory = Path.GetDirectoryName(_path)!;
        var stem = Path.GetFileNameWithoutExtension(_path);
        var extension = Path.GetExtension(_path);
        // Names sort in the order the files were set aside: the time, then this run's count of set-aside files.
        string name;
        do name = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{_rolls++:D6}{extension}"));
        while (File.Exists(name));
        try
        {
            if (_file is FileStream file) file.Flush(flushToDisk: true);
            _file!.Dispose();
            File.Move(_path, name);
            _file = _open(_path);
            _flushed = _written;
            _size = 0;
            _day = DateOnly.FromDateTime(at.UtcDateTime);
        }
        catch (IOException ex)
        {
            // Keep appending where it can: a trail that cannot be set aside is still a trail. Record's write tells.
            LogRollFailed(ex.Message, _path);
            if (File.Exists(_path) && _file is { CanWrite: true }) return;
            if (TryOpen() is { } reopened)
            {
                _file = reopened;
                return;
            }
            _file = Stream.Null;
            Fail(ex);
            return;
        }
        LogRolled(name);
        var archives = Directory.GetFiles(directory, stem + "-*" + extension).Order(StringComparer.Ordinal).ToArray();
        foreach (var old in archives.Take(Math.Max(0, archives.Length - _retain)))
        {
            try
            {
                File.Delete(old);
            }
            catch (IOException ex)
            {
                LogRollFailed(ex.Message, old);
            }
        }
    }

    private Stream? TryOpen()
    {
        try
        {
            return _open(_path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        lock (_gate)
        {
            _file = OpenClosingTornLine();
            var existing = new FileInfo(_path);
            _size = existing.Length;
            // A file from an earlier day is set aside at the first decision of today.
            if (_size > 0) _day = DateOnly.FromDateTime(existing.LastWriteTimeUtc);
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

    private static Stream OpenForAppend(string path) =>
        new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Opens for appending; a fragment left by a power cut or a full disk must never run into the next line.</summary>
    private Stream OpenClosingTornLine()
    {
        var torn = EndsWithoutNewline(_path);
        var file = _open(_path);
        try
        {
            if (torn) file.Write("\n"u8);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private void Fail(IOException ex)
    {
        _failed = true;
        _failedAt = _time.GetTimestamp();
        LogWriteFailed(ex, _path);
    }

    /// <summary>Under the lock: after <see cref="RetryInterval"/>, the file opened afresh; true when it can be written again.</summary>
    private bool TryReopen()
    {
        if (_time.GetElapsedTime(_failedAt) < RetryInterval) return false;
        try
        {
            _file?.Dispose();
        }
        catch (IOException)
        {
            // Whatever the old handle still held is lost with it; the lines before were written whole.
        }
        try
        {
            _file = OpenClosingTornLine();
        }
        catch (IOException ex)
        {
            _file = Stream.Null;
            _failedAt = _time.GetTimestamp();
            LogStillFailing(ex.Message, _path);
            return false;
        }
        _failed = false;
        LogRecovered(_path);
        return true;
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
                if (_file is FileStream file) file.Flush(flushToDisk: true);
                else _file.Flush();
                _flushed = _written;
            }
            catch (IOException ex)
            {
                Fail(ex);
            }
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Audit trail closed after {Lines} decisions: {Path}")]
    private partial void LogClosed(long lines, string path);

    [LoggerMessage(EventId = 301, Level = LogLevel.Critical, Message = "Audit trail could not be written; decisions are refused until it can: {Path}")]
    private partial void LogWriteFailed(Exception exception, string path);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Audit trail set aside as {Path}")]
    private partial void LogRolled(string path);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Audit trail could not be set aside ({Problem}); appending to {Path}")]
    private partial void LogRollFailed(string problem, string path);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Audit trail writable again; decisions resume: {Path}")]
    private partial void LogRecovered(string path);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Audit trail still cannot be opened ({Problem}); decisions stay refused: {Path}")]
    private partial void LogStillFailing(string problem, string path);
}
