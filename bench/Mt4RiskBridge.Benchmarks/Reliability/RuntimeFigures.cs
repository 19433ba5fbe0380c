using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// The service's runtime figures as its <c>/metrics</c> endpoint publishes them (the <c>System.Runtime</c> meter):
/// the managed heap after the last collection, GC pause time and collections, so a run can tell the managed heap
/// from the rest of the resident set and the GC's share of the CPU.
/// </summary>
internal readonly record struct RuntimeFigures(double HeapBytes, double PauseSeconds, double Collections)
{
    public static async Task<RuntimeFigures> ReadAsync(HttpClient http)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)).ConfigureAwait(false);
        return new RuntimeFigures(Sum(text, "dotnet_gc_last_collection_heap_size_bytes"), Sum(text, "dotnet_gc_pause_time_seconds_total"),
            Sum(text, "dotnet_gc_collections_total"));
    }

    /// <summary>The sum of every series of <paramref name="name"/> (one per generation, say).</summary>
    private static double Sum(string text, string name)
    {
        var total = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || line[name.Length] is not (' ' or '{')) continue;
            // "name{labels} value [timestamp]": the value is the first field after the series.
            var rest = line[name.Length] == '{' ? line[(line.IndexOf('}', StringComparison.Ordinal) + 1)..] : line[name.Length..];
            var value = rest.Trim().Split(' ')[0];
            total += double.Parse(value, CultureInfo.InvariantCulture);
        }
        return total;
    }

    public static void Report(int terminals, TimeSpan elapsed, RuntimeFigures idle, RuntimeFigures start, RuntimeFigures loaded)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | managed heap after the last GC idle / loaded | {idle.HeapBytes / 1048576.0:0.0} / {loaded.HeapBytes / 1048576.0:0.0} MiB ({(loaded.HeapBytes - idle.HeapBytes) / 1024.0 / terminals:0.0} KiB per terminal) |
            | GC collections / pause time while measured | {loaded.Collections - start.Collections:0} / {(loaded.PauseSeconds - start.PauseSeconds) * 1000:0} ms ({(loaded.PauseSeconds - start.PauseSeconds) / elapsed.TotalSeconds * 100:0.00}% of the time) |
            """));
    }
}
