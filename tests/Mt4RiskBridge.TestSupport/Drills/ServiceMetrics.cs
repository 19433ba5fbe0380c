using System.Globalization;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>One scrape of the service's <c>/metrics</c> (Prometheus text): samples by name with their labels.</summary>
public sealed class ServiceMetrics
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    private ServiceMetrics()
    {
    }

    public static async Task<ServiceMetrics> ScrapeAsync(HttpClient http, string dashboard)
    {
        ArgumentNullException.ThrowIfNull(http);
        var text = await http.GetStringAsync(new Uri(dashboard.TrimEnd('/') + "/metrics")).ConfigureAwait(false);
        var metrics = new ServiceMetrics();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.LastIndexOf(' ');
            if (space < 0 || !double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var key = line[..space];
            var brace = key.IndexOf('{', StringComparison.Ordinal);
            metrics._samples.Add(brace < 0 ? (key, "", value) : (key[..brace], key[brace..], value));
        }
        return metrics;
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels contain <paramref name="label"/>.</summary>
    public double Sum(string name, string label = "") =>
        _samples.Where(s => s.Name == name && s.Labels.Contains(label, StringComparison.Ordinal)).Sum(s => s.Value);
}
