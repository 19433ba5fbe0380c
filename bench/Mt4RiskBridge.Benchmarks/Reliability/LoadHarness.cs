using System.Diagnostics;
using System.Globalization;
using Mt4RiskBridge.Benchmarks.RoundTrip;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// <c>load [terminals] [seconds] [threads] [processes] [--Service:Setting=value …]</c>: the service as its own process, and that many terminals on
/// a few client threads (in this process, or in that many client processes with that many threads each), each streaming ticks 10/s and its account 1/s and asking a check every 2 s. Reports lost
/// checks, check latency percentiles, the service's CPU, GC pauses and memory per terminal, as markdown, and a
/// <see cref="LoadProbe"/>'s check round trip against a raw NetMQ echo's under the same load. Arguments starting
/// with <c>--</c> go to the service as settings; environment variables <c>LOAD_SERVICE_X</c> reach it as <c>X</c>
/// (for runtime knobs such as <c>DOTNET_GCgen0size</c>).
/// </summary>
internal static class LoadHarness
{
    public static async Task<int> RunAsync(string[] options)
    {
        var args = options.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var terminals = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        // Each NetMQ socket takes about three descriptors, so past a few thousand terminals they need processes of their own.
        var processes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var folder = Directory.CreateTempSubdirectory("mt4rb-load").FullName;
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"tcp://127.0.0.1:{ServiceProcess.FreePort()}");
        var dashboard = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ServiceProcess.FreePort()}");
        // NetMQ holds at most 1,024 sockets per process unless told otherwise; the terminals need one each.
        NetMQ.NetMQConfig.MaxSockets = Math.Max(1024, terminals + 64);
        using var service = ServiceProcess.StartBinary(ServiceProcess.DefaultBinary, [
            "--Bridge:Endpoint=" + endpoint,
            "--Dashboard:Endpoint=" + dashboard,
            "--Bridge:MaxConnections=" + (terminals + 64).ToString(CultureInfo.InvariantCulture),
            // Hellos arrive at 1,000 a second; the default budget for peers without hello (500 a second) would drop half.
            "--Bridge:MaxUnauthenticatedMessagesPerSecond=2000",
            "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=",
            "--Limits:StatePath=" + Path.Combine(folder, "state.db"),
            // Decisions are not logged one by one (the audit trail has them); start-up lines still are.
            "--Serilog:MinimumLevel:Override:Mt4RiskBridge.Sessions=Warning",
            .. options.Where(a => a.StartsWith("--", StringComparison.Ordinal))], ServiceEnvironment());
        await service.WaitListeningAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        using var process = Process.GetProcessById(service.Id);
        // Listening to the runtime's GC events costs the service buffers of its own: started before the idle figures.
        using var pauses = new GcPauses(service.Id);
        await Task.Delay(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        process.Refresh();
        var idleRss = process.WorkingSet64;
        using var http = new HttpClient { BaseAddress = new Uri(dashboard) };
        var idleHeap = await RuntimeFigures.ReadAsync(http).ConfigureAwait(false);

        var share = processes > 0 ? (terminals + processes - 1) / processes : 0;
        List<ILoadPart> groups = processes > 0
            ? [.. Enumerable.Range(0, processes).Select(p => new RemoteLoadPart(endpoint, 700_000L + p * share, Math.Min(share, terminals - p * share), threads, Math.Max(1, 1000 / processes)))]
            : [.. Enumerable.Range(0, threads)
                .Select(g => new LoadGroup(endpoint, Enumerable.Range(0, terminals).Where(i => i % threads == g).Select(i => 700_000L + i), seed: 11 + g))];
        try
        {
            var connecting = Stopwatch.StartNew();
            await Task.WhenAll(groups.Select(g => Task.Run(() => g.Connect(TimeSpan.FromSeconds(120), Math.Max(1, 1000 / Math.Max(threads, processes)))))).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{terminals} terminals said hello and sent their state in {connecting.Elapsed.TotalSeconds:0.0} s"));
            // Groups finish connecting at different times: the early ones are silent meanwhile.
            foreach (var group in groups) group.KeepAlive();
            foreach (var group in groups) group.Start();
            using var echo = ChildEcho.StartNetMq();
            using var probe = new LoadProbe(endpoint, echo.Endpoint, 690_000);

            // Warm up (JIT, buffers, every account's state in place), then measure from clean statistics.
            await Task.Delay(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            foreach (var group in groups) group.ResetStatistics();
            probe.Record();
            await Task.Delay(200).ConfigureAwait(false);
            var echoCpuStart = echo.ProcessorTime;
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var gcStart = await RuntimeFigures.ReadAsync(http).ConfigureAwait(false);
            pauses.Start();
            var clientCpuStart = Process.GetCurrentProcess().TotalProcessorTime + TimeSpan.FromSeconds(groups.Sum(g => g.ProcessCpuSeconds));
            var wall = Stopwatch.StartNew();
            long peakRss = 0;
            for (var s = 0; s < seconds; s++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                process.Refresh();
                peakRss = Math.Max(peakRss, process.WorkingSet64);
            }
            foreach (var group in groups) group.StopSending();
            probe.Stop();
            var elapsed = wall.Elapsed;
            var echoCpu = echo.ProcessorTime - echoCpuStart;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuStart;
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime + TimeSpan.FromSeconds(groups.Sum(g => g.ProcessCpuSeconds)) - clientCpuStart;
            var loadedRss = process.WorkingSet64;
            var loaded = await RuntimeFigures.ReadAsync(http).ConfigureAwait(false);
            var paused = pauses.Stop();

            // Every check still in flight gets up to 10 s to be answered before it counts as lost.
            var drain = Stopwatch.StartNew();
            while (drain.Elapsed < TimeSpan.FromSeconds(10) && groups.Sum(g => g.Outstanding) > 0) await Task.Delay(100).ConfigureAwait(false);
            foreach (var group in groups) group.Stop();

            Report(terminals, processes > 0 ? $"{processes} client processes of {threads}" : threads.ToString(CultureInfo.InvariantCulture), elapsed, groups, cpu, clientCpu, idleRss, loadedRss, peakRss);
            RuntimeFigures.Report(terminals, elapsed, idleHeap, gcStart, loaded);
            Console.WriteLine($"| service GC pauses, from the runtime's events | {GcPauses.Describe(paused)} |");
            probe.Report(echoCpu, elapsed);
            return groups.Sum(g => g.Outstanding) == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var group in groups) group.Dispose();
            service.Kill();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string?> ServiceEnvironment()
    {
        const string Prefix = "LOAD_SERVICE_";
        var forwarded = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            forwarded[name[Prefix.Length..]] = Environment.GetEnvironmentVariable(name);
        }
        return forwarded;
    }

    private static void Report(int terminals, string threads, TimeSpan elapsed, List<ILoadPart> groups, TimeSpan cpu, TimeSpan clientCpu, long idleRss, long loadedRss, long peakRss)
    {
        var latencies = groups.SelectMany(g => g.Latencies).Select(t => t * 1_000_000.0 / Stopwatch.Frequency).Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p / 100 * latencies.Length) - 1)];
        var sent = groups.Sum(g => g.ChecksSent);
        var answered = groups.Sum(g => g.ChecksAnswered);
        var messages = groups.Sum(g => g.MessagesSent);
        var errors = groups.SelectMany(g => g.Errors).GroupBy(e => e.Key).Select(e => $"{e.Key} {e.Sum(x => x.Value)}").ToList();
        var cores = Environment.ProcessorCount;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"""

            ## {terminals} terminals, {elapsed.TotalSeconds:0} s measured, {threads} client threads, {cores} cores

            | figure | value |
            |---|---|
            | messages sent by the terminals | {messages:N0} ({messages / elapsed.TotalSeconds:N0} per s) |
            | sends refused by a full client queue | {groups.Sum(g => g.SendsRefused):N0} |
            | checks asked / answered / lost | {sent:N0} / {answered:N0} / {sent - answered:N0} |
            | error replies | {(errors.Count == 0 ? "none" : string.Join(", ", errors))} |
            | check latency p50 / p99 / p99.9 / max | {Percentile(50):N0} / {Percentile(99):N0} / {Percentile(99.9):N0} / {(latencies.Length > 0 ? latencies[^1] : 0):N0} µs |
            | service CPU | {cpu.TotalSeconds / elapsed.TotalSeconds * 100:0.0}% of one core ({cpu.TotalSeconds / elapsed.TotalSeconds / cores * 100:0.0}% of the machine) |
            | client CPU (terminals) | {clientCpu.TotalSeconds / elapsed.TotalSeconds * 100:0.0}% of one core |
            | service memory (RSS) idle / loaded / peak | {idleRss / 1048576.0:0.0} / {loadedRss / 1048576.0:0.0} / {peakRss / 1048576.0:0.0} MiB |
            | memory per terminal (loaded − idle) / terminals | {(loadedRss - idleRss) / 1024.0 / terminals:0.0} KiB |
            """));
    }
}
