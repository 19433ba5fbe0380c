using System.Diagnostics;
using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// <c>dashboard-tabs [url]</c>: the three dashboard pages open in a browser, in a process of their own as a browser
/// is, doing what their scripts do (<c>wwwroot/*.js</c>): the accounts page reads <c>/api/accounts</c> once and then
/// its event stream; the account page of 1002 reads <c>/api/accounts/1002</c> once and again on every
/// <c>accounts</c> event, one fetch at a time; the decisions page reads <c>/api/decisions?limit=500</c> once and
/// then its event stream. Besides the pages, <c>/metrics</c> is scraped every second. Driven over standard input,
/// one command a line, each answered with one line: <c>open</c>, <c>close</c> (answers the bytes each tab read),
/// <c>cpu</c> (processor seconds so far). End of input ends the process.
/// </summary>
internal static class DashboardTabs
{
    private static readonly TimeSpan ScrapeEvery = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
        CancellationTokenSource? open = null;
        List<Task<long>> tabs = [];
        while (Console.In.ReadLine() is { } line)
        {
            string answer;
            switch (line)
            {
                case "open":
                    open = new CancellationTokenSource();
                    tabs =
                    [
                        PageAsync(http, "/api/accounts", null, open.Token),
                        PageAsync(http, "/api/accounts/1002", "/api/accounts/1002", open.Token),
                        PageAsync(http, "/api/decisions?limit=500", null, open.Token),
                        ScrapeAsync(http, open.Token),
                    ];
                    answer = "ok";
                    break;
                case "close":
                    open?.Cancel();
                    answer = string.Join(' ', Task.WhenAll(tabs).GetAwaiter().GetResult().Select(n => n.ToString(CultureInfo.InvariantCulture)));
                    open?.Dispose();
                    open = null;
                    break;
                case "cpu":
                    answer = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                    break;
                default:
                    answer = "unknown";
                    break;
            }
            Console.WriteLine(answer);
        }
        return 0;
    }

    /// <summary>One page: its first fetch, then its event stream, refetching <paramref name="onAccounts"/> on each accounts event.</summary>
    private static async Task<long> PageAsync(HttpClient http, string first, string? onAccounts, CancellationToken closed)
    {
        long read = 0;
        Task<long>? refreshing = null;
        try
        {
            read += await FetchAsync(http, first, closed).ConfigureAwait(false);
            using var response = await http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, closed).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync(closed).ConfigureAwait(false);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(closed).ConfigureAwait(false) is { } line)
            {
                read += line.Length + 1;
                if (onAccounts is null || line != "event: accounts") continue;
                // As account.js: a refresh already under way is not started again.
                if (refreshing is { IsCompleted: true }) read += await refreshing.ConfigureAwait(false);
                if (refreshing is null or { IsCompleted: true }) refreshing = FetchAsync(http, onAccounts, closed);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab is closed.
        }
        return read;
    }

    private static async Task<long> ScrapeAsync(HttpClient http, CancellationToken closed)
    {
        long read = 0;
        try
        {
            while (true)
            {
                read += await FetchAsync(http, "/metrics", closed).ConfigureAwait(false);
                await Task.Delay(ScrapeEvery, closed).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
        return read;
    }

    private static async Task<long> FetchAsync(HttpClient http, string path, CancellationToken closed)
    {
        try
        {
            return (await http.GetByteArrayAsync(new Uri(path, UriKind.Relative), closed).ConfigureAwait(false)).Length;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
    }
}
