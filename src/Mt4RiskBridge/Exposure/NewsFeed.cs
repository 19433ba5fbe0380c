using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// The news calendar from the file in <c>Calendar:NewsFile</c>, reloaded when the file changes. Bad rows are
/// logged with their line numbers and skipped; a file that cannot be read keeps the last good calendar.
/// </summary>
public sealed partial class NewsFeed : IHostedService, IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly ExposureSettings _settings;
    private readonly ILogger<NewsFeed> _logger;
    private readonly Lock _gate = new();
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private NewsCalendar _calendar = NewsCalendar.Empty;

    public NewsFeed(ExposureSettings settings, ILogger<NewsFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _logger = logger;
    }

    public NewsCalendar Current => Volatile.Read(ref _calendar);

    /// <summary>Raised after each successful load, on a background thread.</summary>
    public event Action<NewsCalendar>? Changed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.NewsFile is not { } path) return Task.CompletedTask;
        Load();
        _debounce = new Timer(_ => Load());
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.Created += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.Renamed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    /// <summary>Reads the file now; also what the watcher calls.</summary>
    public void Load()
    {
        var path = _settings.NewsFile;
        if (path is null) return;
        lock (_gate)
        {
            string content;
            try
            {
                content = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogUnreadable(ex, path);
                return;
            }
            var result = NewsCalendarParser.Parse(content, NewsFileFormat.Auto, _settings.ServerUtcOffset);
            foreach (var error in result.Errors) LogBadRow(path, error.Line, error.Message);
            var calendar = new NewsCalendar(result.Events);
            Volatile.Write(ref _calendar, calendar);
            LogLoaded(result.Events.Length, result.Errors.Length, path);
            Changed?.Invoke(calendar);
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "News calendar loaded: {Events} events, {Skipped} rows skipped, from {Path}")]
    private partial void LogLoaded(int events, int skipped, string path);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "News calendar {Path} line {Line} skipped: {Problem}")]
    private partial void LogBadRow(string path, int line, string problem);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "News calendar {Path} could not be read; keeping the previous events")]
    private partial void LogUnreadable(Exception exception, string path);
}
