using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// Loopback comparison in one run, with one client (a NetMQ DEALER per path): the same check frame echoed by a C++
/// libzmq ROUTER (the physical floor) and by a raw NetMQ ROUTER, against a real check through the real host,
/// measured in interleaved blocks; then the ingest rate of tick messages into the NetMQ sink and the host. Prints a
/// markdown report.
/// </summary>
internal static class RoundTripHarness
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    internal static readonly byte[] Check = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"check","id":"bench","symbol":"EURUSD","side":"buy","orderType":"market","lots":0.5,"sl":1.0950,"tp":1.1100,"magic":20261123,"comment":"round trip"}""");

    internal static readonly byte[] Tick = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.10000,"ask":1.10020,"time":1763640000}""");

    private static readonly byte[] Sync = Encoding.UTF8.GetBytes("""{"v":1,"type":"heartbeat","id":"sync"}""");

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var ticks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
        var folder = Directory.CreateTempSubdirectory("mt4rb-bench").FullName;
        using var host = BridgeApp.CreateHost(HostArgs(folder));
        await host.StartAsync().ConfigureAwait(false);
        var endpoint = host.Services.GetRequiredService<BridgeEndpoint>().BoundAddress;

        using var floor = LibzmqEcho.Start(TimeSpan.FromMinutes(30));
        using var echo = new EchoRouter(replyToEverything: true);
        using var sink = new EchoRouter(replyToEverything: false);
        using var service = Connect(endpoint);
        Prepare(service);
        using var cpp = Connect(floor.Endpoint);
        using var raw = Connect(echo.Endpoint);
        using var rawSink = Connect(sink.Endpoint);

        var cppSample = new LatencySample("libzmq (C++) echo");
        var rawSample = new LatencySample("raw NetMQ echo");
        var ourSample = new LatencySample("check through Mt4RiskBridge");
        // Interleaved blocks, the order turning each block, so drift of the machine hits all three alike.
        const int blocks = 12;
        var paths = new (DealerSocket Socket, LatencySample Sample, string Expect)[] { (cpp, cppSample, "bench"), (raw, rawSample, "bench"), (service, ourSample, "decision") };
        for (var b = 0; b < blocks; b++)
        {
            for (var p = 0; p < paths.Length; p++)
            {
                var (socket, sample, expect) = paths[(b + p) % paths.Length];
                Measure(socket, Check, rounds / blocks, b < paths.Length ? null : sample, expect);
            }
        }

        var rawRate = Ingest(rawSink, ticks);
        var ourRate = Ingest(service, ticks);
        await host.StopAsync().ConfigureAwait(false);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ### Check round trip on loopback ({ourSample.Count:N0} measured round trips each, in {blocks} interleaved blocks, the first three discarded as warm-up)

            | path | round trips | p50 µs | p99 µs | p99.9 µs |
            |---|---|---|---|---|
            {cppSample.Row()}
            {rawSample.Row()}
            {ourSample.Row()}

            Ratios (check ÷ libzmq echo): p50 {Ratio(ourSample, cppSample, 50)}, p99 {Ratio(ourSample, cppSample, 99)}, p99.9 {Ratio(ourSample, cppSample, 99.9)}
            Ratios (check ÷ NetMQ echo): p50 {Ratio(ourSample, rawSample, 50)}, p99 {Ratio(ourSample, rawSample, 99)}, p99.9 {Ratio(ourSample, rawSample, 99.9)}
            Ratios (NetMQ echo ÷ libzmq echo): p50 {Ratio(rawSample, cppSample, 50)}, p99 {Ratio(rawSample, cppSample, 99)}

            ### Ingest of tick messages ({ticks:N0} messages, one DEALER)

            | path | messages/s |
            |---|---|
            | raw NetMQ ROUTER sink | {rawRate:N0} |
            | Mt4RiskBridge (parsed and applied) | {ourRate:N0} |

            Ratio (ours ÷ raw): {ourRate / rawRate:0.00}×
            """));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    internal static string Ratio(LatencySample sample, LatencySample baseline, double percentile) =>
        string.Create(CultureInfo.InvariantCulture, $"{sample.Percentile(percentile) / baseline.Percentile(percentile):0.00}×");

    /// <summary>The host on free loopback ports with its files in <paramref name="folder"/>, tuned for one busy terminal.</summary>
    internal static string[] HostArgs(string folder) =>
    [
        "--Bridge:Endpoint=tcp://127.0.0.1:0",
        "--Dashboard:Endpoint=http://127.0.0.1:0",
        "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
        "--Limits:StatePath=" + Path.Combine(folder, "state.db"),
        "--Bridge:LogDirectory=",
        "--Bridge:StaleAfterSeconds=3600",
        // One terminal asking thousands of times a second: the per-account throttle would answer most of them.
        "--Limits:MaxChecksPerSecond=0",
        "--Bridge:MaxMessagesPerSecond=10000000",
        "--Bridge:MaxBytesPerSecond=2147483647",
        "--Serilog:MinimumLevel:Default=Warning",
    ];

    internal static DealerSocket Connect(string endpoint)
    {
        var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Options.SendHighWatermark = 1_000_000;
        socket.Options.ReceiveHighWatermark = 1_000_000;
        socket.Connect(endpoint);
        return socket;
    }

    /// <summary>Hello, contract, quote, positions and account for <paramref name="login"/>, so its checks are decided.</summary>
    internal static void Prepare(DealerSocket service, long login = 1001)
    {
        Exchange(service, string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"type":"hello","id":"h","account":{{login}},"server":"Bench","company":"Bench","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"bench"}"""));
        service.SendFrame("""{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""");
        service.SendFrame(Tick);
        service.SendFrame("""{"v":1,"type":"positions","positions":[]}""");
        Exchange(service, """{"v":1,"type":"account","id":"a","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""");
    }

    internal static void Exchange(DealerSocket socket, string frame)
    {
        socket.SendFrame(frame);
        if (!socket.TryReceiveFrameString(Deadline, out _)) throw new TimeoutException("no reply to " + frame);
    }

    internal static void Measure(DealerSocket socket, byte[] frame, int count, LatencySample? sample, string expect)
    {
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            socket.SendFrame(frame);
            if (!socket.TryReceiveFrameBytes(Deadline, out var reply)) throw new TimeoutException("round trip lost");
            sample?.Add(start);
            if (i == 0 && reply.AsSpan().IndexOf(Encoding.UTF8.GetBytes(expect)) < 0)
                throw new InvalidOperationException("unexpected reply: " + Encoding.UTF8.GetString(reply));
        }
    }

    private static double Ingest(DealerSocket socket, int count)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) socket.SendFrame(Tick);
        socket.SendFrame(Sync);
        if (!socket.TryReceiveFrameBytes(TimeSpan.FromMinutes(2), out var reply)) throw new TimeoutException("ingest sync lost");
        // Anything but the acknowledgement (a refusal) would mean messages were dropped, not applied.
        if (reply.AsSpan().IndexOf("\"sync\""u8) < 0 || reply.AsSpan().IndexOf("\"error\""u8) >= 0)
            throw new InvalidOperationException("ingest ended with " + Encoding.UTF8.GetString(reply));
        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
