using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Transport;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// The check round trip through the real host with dashboards open and refreshing, against the same host with
/// none open, alternated in blocks in one run. "Open" is what browser tabs do: three event streams on
/// <c>/api/events</c>, and a refresher that reads <c>/api/accounts</c>, one account page's <c>/api/accounts/{login}</c>,
/// <c>/api/decisions</c> and <c>/metrics</c> every 250 ms. In both phases a second terminal streams account and tick
/// messages 50 times a second, so rows are rebuilt and events pushed while checks are measured. Bounded: it
/// stops after the given number of checks.
/// </summary>
internal static class DashboardRoundTrip
{
    private const int Streams = 3;
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 80_000;
        var folder = Directory.CreateTempSubdirectory("mt4rb-bench").FullName;
        using var host = BridgeApp.CreateHost(RoundTripHarness.HostArgs(folder));
        await host.StartAsync().ConfigureAwait(false);
        var endpoint = host.Services.GetRequiredService<BridgeEndpoint>().BoundAddress;
        var web = new Uri(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        using var service = RoundTripHarness.Connect(endpoint);
        RoundTripHarness.Prepare(service);
        using var stopFeed = new CancellationTokenSource();
        var feed = Task.Run(() => Feed(endpoint, stopFeed.Token));

        var closed = new LatencySample("check, no dashboard open");
        var open = new LatencySample("check, 3 dashboards open and refreshing");
        using var http = new HttpClient { BaseAddress = web };
        // Short blocks, so load that comes and goes on the machine lands on both phases alike.
        var blocks = Math.Max(4, rounds / 2 / 1_000);
        for (var b = 0; b < blocks; b++)
        {
            // Which phase goes first alternates, so warm-up and drift within a block favour neither.
            var closedFirst = b % 2 == 0;
            if (closedFirst) RoundTripHarness.Measure(service, RoundTripHarness.Check, rounds / 2 / blocks, b < 2 ? null : closed, "decision");
            using (var viewers = new CancellationTokenSource())
            {
                var watching = Enumerable.Range(0, Streams).Select(_ => WatchAsync(http, viewers.Token)).Append(RefreshAsync(http, viewers.Token)).ToList();
                // Give the streams and the refresher time to connect and read before measuring starts.
                await Task.Delay(500).ConfigureAwait(false);
                RoundTripHarness.Measure(service, RoundTripHarness.Check, rounds / 2 / blocks, b < 2 ? null : open, "decision");
                await viewers.CancelAsync().ConfigureAwait(false);
                var pulls = await Task.WhenAll(watching).ConfigureAwait(false);
                if (pulls.Any(p => p == 0)) throw new InvalidOperationException("a dashboard client read nothing: the comparison would be empty");
            }
            if (!closedFirst) RoundTripHarness.Measure(service, RoundTripHarness.Check, rounds / 2 / blocks, b < 2 ? null : closed, "decision");
        }
        await stopFeed.CancelAsync().ConfigureAwait(false);
        await feed.ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ### Check round trip with the dashboard open ({closed.Count:N0} measured round trips each, first two blocks discarded as warm-up)

            | path | round trips | p50 µs | p99 µs | p99.9 µs |
            |---|---|---|---|---|
            {closed.Row()}
            {open.Row()}

            Ratios (open ÷ none): p50 {open.Percentile(50) / closed.Percentile(50):0.000}×, p99 {open.Percentile(99) / closed.Percentile(99):0.000}×, p99.9 {open.Percentile(99.9) / closed.Percentile(99.9):0.000}×
            """));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>One browser tab's event stream: reads until cancelled; returns the bytes read.</summary>
    private static async Task<long> WatchAsync(HttpClient http, CancellationToken cancellationToken)
    {
        long read = 0;
        try
        {
            using var response = await http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0) read += n;
        }
        catch (OperationCanceledException)
        {
            // The tab is closed.
        }
        return read;
    }

    /// <summary>The pages' own fetches, four times a second; returns the bytes read.</summary>
    private static async Task<long> RefreshAsync(HttpClient http, CancellationToken cancellationToken)
    {
        long read = 0;
        string[] paths = ["/api/accounts", "/api/accounts/1002", "/api/decisions?limit=500", "/metrics"];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var path in paths) read += (await http.GetByteArrayAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false)).Length;
                await Task.Delay(RefreshEvery, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
        return read;
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
