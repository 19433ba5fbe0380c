using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.TestSupport.Drills;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// <c>fuzz [messages] [seed]</c>: the host in this process, hostile messages from <see cref="FuzzDrill"/> over
/// loopback, and the service's managed heap measured after a warm-up and after the run (both after a full GC).
/// </summary>
internal static class FuzzHarness
{
    private const int MaxMessageBytes = 256 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20261123;
        var folder = Directory.CreateTempSubdirectory("mt4rb-fuzz").FullName;
        using var host = BridgeApp.CreateHost(
        [
            "--Bridge:Endpoint=tcp://127.0.0.1:0",
            "--Dashboard:Endpoint=http://127.0.0.1:0",
            "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=",
            "--Bridge:MaxMessagesPerSecond=10000000",
            // The fuzzer sends as fast as it can, and its connections lose their hello when a frame is too big.
            "--Bridge:MaxBytesPerSecond=2147483647",
            "--Bridge:MaxUnauthenticatedMessagesPerSecond=1000000",
            "--Limits:StatePath=" + Path.Combine(folder, "state.db"),
            // Thousands of refusals a second would measure the console, not the service.
            "--Serilog:MinimumLevel:Default=Error",
        ]);
        await host.StartAsync().ConfigureAwait(false);
        try
        {
            var endpoint = host.Services.GetRequiredService<BridgeEndpoint>().BoundAddress;
            var warmUp = new FuzzDrill(endpoint, MaxMessageBytes, seed + 1).Run(10_000);
            var before = Heap();
            var report = new FuzzDrill(endpoint, MaxMessageBytes, seed).Run(messages, progress: Console.Out);
            var after = Heap();
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp.Sent} messages, {(warmUp.Passed ? "passed" : "FAILED")}"));
            Console.WriteLine(report);
            foreach (var example in report.Examples) Console.WriteLine("  " + example);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"managed heap after a full GC: {before / 1048576.0:0.00} MiB after the warm-up, {after / 1048576.0:0.00} MiB after {report.Sent} messages ({(after - before) / 1024.0:+0;-0} KiB)"));
            Console.WriteLine("refusal counters: " + host.Services.GetRequiredService<BridgeCounters>());
            return report.Passed && warmUp.Passed ? 0 : 1;
        }
        finally
        {
            await host.StopAsync().ConfigureAwait(false);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
