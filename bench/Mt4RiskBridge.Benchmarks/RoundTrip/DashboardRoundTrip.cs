using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Transport;
using NetMQ;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// The check round trip through the real host with the dashboard open, against the same host with none open,
/// alternated in short blocks in one run. "Open" is the three pages of <see cref="DashboardTabs"/> in a process
/// of their own, as a browser is; the process runs in both phases and is idle in the closed one. In both phases a
/// second terminal streams account and tick messages 50 times a second, so rows are rebuilt and events pushed
/// while checks are measured. Besides the percentiles it reports, per phase, what the processes spent (CPU,
/// allocations, collections), which a busy machine moves far less than it moves the tails. Bounded: it stops after
/// the given number of checks.
/// </summary>
internal static class DashboardRoundTrip
{
    private const int Segments = 3;
    private const int WarmUpBlocks = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 80_000;
        var folder = Directory.CreateTempSubdirectory("mt4rb-bench").FullName;
        using var host = BridgeApp.CreateHost(RoundTripHarness.HostArgs(folder));
        await host.StartAsync().ConfigureAwait(false);
        var endpoint = host.Services.GetRequiredService<BridgeEndpoint>().BoundAddress;
        var web = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        using var service = RoundTripHarness.Connect(endpoint);
        RoundTripHarness.Prepare(service);
        using var stopFeed = new CancellationTokenSource();
        var feed = Task.Run(() => Feed(endpoint, stopFeed.Token));
        using var tabs = new TabsProcess(web);

        var closed = new Phase("check, no dashboard open");
        var open = new Phase("check, dashboard open (3 pages, /metrics each second)");
        // Short blocks, so load that comes and goes on the machine lands on both phases alike.
        var blocks = Math.Max(WarmUpBlocks + 2 * Segments, rounds / 2 / 1_000);
        var perBlock = rounds / 2 / blocks;
        for (var b = 0; b < blocks; b++)
        {
            var measured = b >= WarmUpBlocks;
            var segment = measured ? (b - WarmUpBlocks) * Segments / (blocks - WarmUpBlocks) : 0;
            // Which phase goes first alternates, so warm-up and drift within a block favour neither.
            var closedFirst = b % 2 == 0;
            if (closedFirst) closed.Measure(service, perBlock, measured, segment, tabs);
            tabs.Open();
            // Give the pages time to connect and make their first fetches before measuring starts.
            await Task.Delay(500).ConfigureAwait(false);
            open.Measure(service, perBlock, measured, segment, tabs);
            tabs.Close();
            if (!closedFirst) closed.Measure(service, perBlock, measured, segment, tabs);
        }
        await stopFeed.CancelAsync().ConfigureAwait(false);
        await feed.ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);

        var segments = string.Join(", ", Enumerable.Range(0, Segments).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"p50 {Ratio(open.Parts[s], closed.Parts[s], 50)} p99 {Ratio(open.Parts[s], closed.Parts[s], 99)}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ### Check round trip with the dashboard open ({closed.All.Count:N0} measured round trips each, {blocks - WarmUpBlocks} blocks of {perBlock:N0} per phase, first {WarmUpBlocks} discarded as warm-up)

            | path | round trips | p50 µs | p99 µs | p99.9 µs |
            |---|---|---|---|---|
            {closed.All.Row()}
            {open.All.Row()}

            Ratios (open ÷ none): p50 {Ratio(open.All, closed.All, 50)}, p99 {Ratio(open.All, closed.All, 99)}, p99.9 {Ratio(open.All, closed.All, 99.9)}
            Ratios by thirds of the run: {segments}

            | phase | service process CPU ms per 1,000 checks | pages' process CPU ms per 1,000 checks | allocated KB per check | gen0 / gen1 / gen2 collections per 1,000 checks |
            |---|---|---|---|---|
            {closed.Spent()}
            {open.Spent()}
            """));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static string Ratio(LatencySample sample, LatencySample baseline, double percentile) =>
        string.Create(CultureInfo.InvariantCulture, $"{sample.Percentile(percentile) / baseline.Percentile(percentile):0.000}×");

    /// <summary>One phase's round trips, overall and by thirds of the run, and what the processes spent on them.</summary>
    private sealed class Phase(string name)
    {
        private readonly int[] _collections = new int[3];
        private double _cpu, _tabsCpu;
        private long _allocated;

        public LatencySample All { get; } = new(name);

        public LatencySample[] Parts { get; } = [.. Enumerable.Range(0, Segments).Select(s => new LatencySample(name))];

        public void Measure(NetMQ.Sockets.DealerSocket service, int count, bool measured, int segment, TabsProcess tabs)
        {
            if (!measured)
            {
                RoundTripHarness.Measure(service, RoundTripHarness.Check, count, null, "decision");
                return;
            }
            var part = new LatencySample(All.Name);
            var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var allocated = GC.GetTotalAllocatedBytes();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var tabsCpu = tabs.CpuSeconds();
            RoundTripHarness.Measure(service, RoundTripHarness.Check, count, part, "decision");
            _tabsCpu += tabs.CpuSeconds() - tabsCpu;
            _cpu += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            _allocated += GC.GetTotalAllocatedBytes() - allocated;
            for (var g = 0; g < 3; g++) _collections[g] += GC.CollectionCount(g) - collections[g];
            All.AddAll(part);
            Parts[segment].AddAll(part);
        }

        public string Spent()
        {
            var perThousand = 1_000.0 / All.Count;
            return string.Create(CultureInfo.InvariantCulture,
                $"| {All.Name} | {_cpu * 1_000 * perThousand:0.0} | {_tabsCpu * 1_000 * perThousand:0.0} | {_allocated / 1024.0 / All.Count:0.00} | {_collections[0] * perThousand:0.00} / {_collections[1] * perThousand:0.00} / {_collections[2] * perThousand:0.00} |");
        }
    }

    /// <summary>A second terminal whose equity and prices move 50 times a second, in both phases alike.</summary>
    private static void Feed(string endpoint, CancellationToken cancellationToken)
    {
        using var terminal = RoundTripHarness.Connect(endpoint);
        RoundTripHarness.Exchange(terminal, """{"v":1,"type":"hello","id":"h","account":1002,"server":"Bench","company":"Bench","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"bench"}""");
        terminal.SendFrame("""{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""");
        terminal.SendFrame("""{"v":1,"type":"positions","positions":[{"ticket":1,"symbol":"EURUSD","side":"buy","lots":1,"openPrice":1.1}]}""");
        var i = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            i++;
            var equity = 10_000 + (i % 200);
            var bid = 1.10000m + (i % 50) * 0.00001m;
            terminal.SendFrame(string.Create(CultureInfo.InvariantCulture, $$"""{"v":1,"type":"tick","symbol":"EURUSD","bid":{{bid}},"ask":{{bid + 0.0002m}},"time":{{1763640000 + i / 50}}}"""));
            terminal.SendFrame(string.Create(CultureInfo.InvariantCulture, $$"""{"v":1,"type":"account","balance":10000,"equity":{{equity}},"margin":220,"freeMargin":{{equity - 220}},"leverage":500,"time":{{1763640000 + i / 50}}}"""));
            // Drain acknowledgements and warnings so the socket never fills.
            while (terminal.TryReceiveFrameBytes(TimeSpan.Zero, out _))
            {
            }
            Thread.Sleep(20);
        }
    }
}
