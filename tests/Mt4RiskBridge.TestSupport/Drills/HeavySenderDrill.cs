using System.Diagnostics;
using System.Globalization;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Connections streaming valid 1,000-position lists as fast as the service takes them, while one ordinary terminal
/// asks checks: its latency alone first, then beside the heavy senders, and the service's memory throughout. The
/// service runs as its own process on a loopback port; given <paramref name="senderProgram"/> (a program that
/// understands <c>heavy-client endpoint first-login senders</c>), the heavy senders run in a third process, so the
/// terminal's own process measures the service rather than its own threads. Beside each client-side figure the
/// service's own view from <c>/metrics</c>: its check duration (read to reply) and its garbage-collection pauses.
/// Every loop stops by itself.
/// </summary>
public sealed class HeavySenderDrill(string folder, int heavySenders, TimeSpan measure, string? senderProgram = null)
{
    public async Task<string> RunAsync()
    {
        var endpoint = "tcp://127.0.0.1:" + ServiceProcess.FreePort();
        var dashboard = "http://127.0.0.1:" + ServiceProcess.FreePort();
        using var service = ServiceProcess.Start(
            "--Bridge:Endpoint=" + endpoint, "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=", "--Limits:StatePath=" + Path.Combine(folder, "state.db"), "--Dashboard:Endpoint=" + dashboard);
        await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var terminal = new DealerSocket();
        terminal.Options.Linger = TimeSpan.Zero;
        terminal.Connect(endpoint);
        Ask(terminal, """{"v":1,"type":"hello","id":"h","account":1001,"server":"Heavy","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"heavy drill"}""");
        terminal.SendFrame("""{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""");
        terminal.SendFrame("""{"v":1,"type":"positions","positions":[]}""");

        var rssIdle = service.ResidentBytes;
        var before = await ServiceMetrics.ScrapeAsync(http, dashboard).ConfigureAwait(false);
        var alone = Measure(terminal, measure, out var lostAlone);
        var between = await ServiceMetrics.ScrapeAsync(http, dashboard).ConfigureAwait(false);
        using var senders = SenderPart.Start(senderProgram, endpoint, 2001, heavySenders);
        long rssPeak = 0;
        using var sampler = new Timer(_ => rssPeak = Math.Max(rssPeak, service.ResidentBytes), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var loaded = Measure(terminal, measure, out var lostLoaded);
        var after = await ServiceMetrics.ScrapeAsync(http, dashboard).ConfigureAwait(false);
        var refused = senders.Stop();
        var alive = !service.HasExited;
        return string.Create(CultureInfo.InvariantCulture, $"""
            heavy senders {heavySenders} (1,000-position lists, {HeavySenders.ThousandPositions.Length} bytes each, {senders.Where}), {measure.TotalSeconds:0} s alone then {measure.TotalSeconds:0} s beside them: {(alive && lostAlone + lostLoaded == 0 ? "PASSED" : "FAILED")}
            check p50 / p99 / max alone: {Percentile(alone, 0.50):0.00} / {Percentile(alone, 0.99):0.00} / {alone.DefaultIfEmpty().Max():0.00} ms ({alone.Count} checks, {lostAlone} unanswered); service side {ServiceSide(before, between)}
            check p50 / p99 / max beside the heavy senders: {Percentile(loaded, 0.50):0.00} / {Percentile(loaded, 0.99):0.00} / {loaded.DefaultIfEmpty().Max():0.00} ms ({loaded.Count} checks, {lostLoaded} unanswered); service side {ServiceSide(between, after)}
            p99 beside / alone: {Percentile(loaded, 0.99) / Percentile(alone, 0.99):0.0}x
            heavy messages refused with rate_limit: {refused} (service count {after.Sum("mt4riskbridge_refusals_total", "rate_limit") - between.Sum("mt4riskbridge_refusals_total", "rate_limit"):0})
            service GC alone / beside: {Gc(before, between)} / {Gc(between, after)}
            service memory (RSS) idle / peak under load: {rssIdle / 1048576.0:0.0} / {rssPeak / 1048576.0:0.0} MiB; alive: {alive}
            """);
    }

    /// <summary>The service's own check duration between two scrapes: mean, and how many took over 10 and 100 ms.</summary>
    private static string ServiceSide(ServiceMetrics from, ServiceMetrics to)
    {
        const string Name = "mt4riskbridge_check_duration_seconds";
        double Delta(string suffix, string label = "") => to.Sum(Name + suffix, label) - from.Sum(Name + suffix, label);
        var count = Delta("_count");
        return string.Create(CultureInfo.InvariantCulture,
            $"mean {(count == 0 ? 0 : Delta("_sum") / count * 1000):0.00} ms, over 10 ms {count - Delta("_bucket", "le=\"0.01\""):0}, over 100 ms {count - Delta("_bucket", "le=\"0.1\""):0} of {count:0}");
    }

    private static string Gc(ServiceMetrics from, ServiceMetrics to) => string.Create(CultureInfo.InvariantCulture,
        $"{to.Sum("dotnet_gc_collections_total") - from.Sum("dotnet_gc_collections_total"):0} collections ({to.Sum("dotnet_gc_collections_total", "gen2") - from.Sum("dotnet_gc_collections_total", "gen2"):0} gen2), paused {(to.Sum("dotnet_gc_pause_time_seconds_total") - from.Sum("dotnet_gc_pause_time_seconds_total")) * 1000:0} ms");

    /// <summary>A check every 50 ms (a busy EA) for <paramref name="span"/>, with a fresh quote and account every second.</summary>
    private static List<double> Measure(DealerSocket terminal, TimeSpan span, out int lost)
    {
        var latencies = new List<double>();
        lost = 0;
        var end = Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);
        var refreshed = 0L;
        for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
        {
            if (Stopwatch.GetElapsedTime(refreshed).TotalSeconds >= 1)
            {
                terminal.SendFrame("""{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.1002,"time":1763640000}""");
                Ask(terminal, """{"v":1,"type":"account","id":"a","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""");
                refreshed = Stopwatch.GetTimestamp();
            }
            Thread.Sleep(50);
            var started = Stopwatch.GetTimestamp();
            var reply = Ask(terminal, string.Create(CultureInfo.InvariantCulture, $$"""{"v":1,"type":"check","id":"c{{i}}","symbol":"EURUSD","side":"buy","lots":0.01}"""));
            if (reply.Contains("\"decision\"", StringComparison.Ordinal)) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            else lost++;
        }
        return latencies;
    }

    private static string Ask(DealerSocket socket, string json)
    {
        socket.SendFrame(json);
        // Skips pushed warnings; a reply is what carries the request's id or is an error.
        var deadline = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (!socket.TryReceiveFrameString(TimeSpan.FromSeconds(10), out var reply)) return "";
            if (!reply.Contains("\"warning\"", StringComparison.Ordinal)) return reply;
        }
        return "";
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }

    /// <summary>The heavy senders, in this process or in one of their own.</summary>
    private sealed class SenderPart : IDisposable
    {
        private readonly HeavySenders? _local;
        private readonly Process? _remote;
        private long? _refused;

        private SenderPart(HeavySenders? local, Process? remote)
        {
            _local = local;
            _remote = remote;
        }

        public string Where => _remote is null ? "senders in the drill's process" : "senders in a process of their own";

        public static SenderPart Start(string? program, string endpoint, long firstLogin, int count)
        {
            if (program is null)
            {
                var local = new HeavySenders(endpoint, firstLogin, count);
                local.WaitGreeted(TimeSpan.FromSeconds(30));
                return new SenderPart(local, null);
            }
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { program, "heavy-client", endpoint, firstLogin.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(arg);
            var process = Process.Start(start)!;
            // "started" once every sender's hello was answered.
            process.StandardOutput.ReadLine();
            return new SenderPart(null, process);
        }

        public long Stop()
        {
            if (_refused is { } done) return done;
            if (_local is not null)
            {
                _refused = _local.Stop();
                return _refused.Value;
            }
            _remote!.StandardInput.Close();
            var line = _remote.StandardOutput.ReadLine();
            _remote.WaitForExit();
            _refused = long.TryParse(line, CultureInfo.InvariantCulture, out var refused) ? refused : -1;
            return _refused.Value;
        }

        public void Dispose()
        {
            Stop();
            _local?.Dispose();
            _remote?.Dispose();
        }
    }
}
