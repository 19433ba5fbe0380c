using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mt4RiskBridge.Diagnostics;

/// <summary>Logs the refusal counters every <see cref="Interval"/> when they moved, and once more at shutdown.</summary>
public sealed partial class CounterLog(BridgeCounters counters, TimeProvider time, ILogger<CounterLog> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly ILogger<CounterLog> _logger = logger;
    private long _lastTotal;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (counters.Total > 0) LogTotals(counters.ToString());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var total = counters.Total;
                if (total == _lastTotal) continue;
                _lastTotal = total;
                LogRefusals(counters.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "Refused input so far: {Counters}")]
    private partial void LogRefusals(string counters);

    [LoggerMessage(EventId = 711, Level = LogLevel.Information, Message = "Refused input in this run: {Counters}")]
    private partial void LogTotals(string counters);
}
