using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// Every GC pause of another .NET process, from the runtime's own events over its diagnostics port (EventPipe, the GC
/// keyword): a pause runs from the suspension's start (<c>GCSuspendEEBegin</c>) to the restart's end
/// (<c>GCRestartEEEnd</c>), which is the time the process's own threads were stopped. TraceEvent and the diagnostics
/// client come with BenchmarkDotNet.
/// </summary>
internal sealed class GcPauses : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly List<double> _pauses = [];
    private bool _recording;

    public GcPauses(int processId)
    {
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC);
        _session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        double? suspended = null;
        source.Clr.GCSuspendEEStart += e => suspended = e.TimeStampRelativeMSec;
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspended is not { } start) return;
            suspended = null;
            lock (_pauses)
            {
                if (_recording) _pauses.Add(e.TimeStampRelativeMSec - start);
            }
        };
        // Process returns when the session stops; a process killed mid-event ends the stream mid-record.
        _reading = Task.Run(() =>
        {
            try
            {
                source.Process();
            }
            catch (Exception error) when (error is EndOfStreamException or IOException or ObjectDisposedException or FormatException)
            {
            }
        });
    }

    public void Start()
    {
        lock (_pauses)
        {
            _pauses.Clear();
            _recording = true;
        }
    }

    /// <summary>The pauses since <see cref="Start"/>, in milliseconds, shortest first.</summary>
    public double[] Stop()
    {
        lock (_pauses)
        {
            _recording = false;
            return [.. _pauses.Order()];
        }
    }

    public static string Describe(double[] pauses)
    {
        if (pauses.Length == 0) return "none recorded";
        double Percentile(double p) => pauses[Math.Min(pauses.Length - 1, (int)Math.Ceiling(p / 100 * pauses.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{pauses.Length} pauses, p50 / p90 / p99 / max {Percentile(50):0.00} / {Percentile(90):0.00} / {Percentile(99):0.00} / {pauses[^1]:0.00} ms, {pauses.Sum():0} ms in all");
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception error) when (error is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The process is gone; its stream has ended.
        }
        _reading.Wait(TimeSpan.FromSeconds(10));
        _session.Dispose();
    }
}
