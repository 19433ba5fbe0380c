using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Connections streaming valid 1,000-position lists as fast as the service takes them, while one ordinary terminal
/// asks checks: its latency alone first, then beside the heavy senders, and the service's memory throughout. The
/// service runs as its own process on a loopback port; every loop stops by itself.
/// </summary>
public sealed class HeavySenderDrill(string folder, int heavySenders, TimeSpan measure)
{
    private static readonly byte[] ThousandPositions = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"positions","positions":[""" +
        string.Join(",", Enumerable.Range(1, 1000).Select(t => string.Create(CultureInfo.InvariantCulture,
            $$"""{"ticket":{{t}},"symbol":"EURUSD","side":"buy","lots":0.01,"openPrice":1.1}"""))) + "]}");

    public async Task<string> RunAsync()
    {
        var endpoint = "tcp://127.0.0.1:" + ServiceProcess.FreePort();
        using var service = ServiceProcess.Start(
            "--Bridge:Endpoint=" + endpoint, "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=", "--Limits:StatePath=" + Path.Combine(folder, "state.db"));
        await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
        using var terminal = new DealerSocket();
        terminal.Options.Linger = TimeSpan.Zero;
        terminal.Connect(endpoint);
        Ask(terminal, """{"v":1,"type":"hello","id":"h","account":1001,"server":"Heavy","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"heavy drill"}""");
        terminal.SendFrame("""{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""");
        terminal.SendFrame("""{"v":1,"type":"positions","positions":[]}""");

        var rssIdle = service.ResidentBytes;
        var alone = Measure(terminal, measure, out var lostAlone);
        using var stop = new CancellationTokenSource();
        var refused = new long[heavySenders];
        var senders = Enumerable.Range(0, heavySenders).Select(i => Task.Run(() => refused[i] = Flood(endpoint, 2001 + i, stop.Token))).ToArray();
        long rssPeak = 0;
        using var sampler = new Timer(_ => rssPeak = Math.Max(rssPeak, service.ResidentBytes), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var loaded = Measure(terminal, measure, out var lostLoaded);
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        var alive = !service.HasExited;
        return string.Create(CultureInfo.InvariantCulture, $"""
            heavy senders {heavySenders} (1,000-position lists, {ThousandPositions.Length} bytes each), {measure.TotalSeconds:0} s alone then {measure.TotalSeconds:0} s beside them: {(alive && lostAlone + lostLoaded == 0 ? "PASSED" : "FAILED")}
            check p50 / p99 / max alone: {Percentile(alone, 0.50):0.00} / {Percentile(alone, 0.99):0.00} / {alone.DefaultIfEmpty().Max():0.00} ms ({alone.Count} checks, {lostAlone} unanswered)
            check p50 / p99 / max beside the heavy senders: {Percentile(loaded, 0.50):0.00} / {Percentile(loaded, 0.99):0.00} / {loaded.DefaultIfEmpty().Max():0.00} ms ({loaded.Count} checks, {lostLoaded} unanswered)
            heavy messages refused with rate_limit: {refused.Sum()}
            service memory (RSS) idle / peak under load: {rssIdle / 1048576.0:0.0} / {rssPeak / 1048576.0:0.0} MiB; alive: {alive}
            """);
    }

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

    private static long Flood(string endpoint, long login, CancellationToken stop)
    {
        using var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Connect(endpoint);
        Ask(socket, string.Create(CultureInfo.InvariantCulture, $$"""{"v":1,"type":"hello","id":"h","account":{{login}},"server":"Heavy","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"heavy sender"}"""));
        long refused = 0;
        while (!stop.IsCancellationRequested)
        {
            socket.TrySendFrame(TimeSpan.FromMilliseconds(10), ThousandPositions);
            while (socket.TryReceiveFrameString(TimeSpan.Zero, out var reply))
            {
                if (reply.Contains("\"rate_limit\"", StringComparison.Ordinal)) refused++;
            }
        }
        return refused;
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
}
