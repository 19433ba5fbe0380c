using System.Diagnostics;
using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>Round-trip times of one run, in microseconds, with the percentiles the report needs.</summary>
internal sealed class LatencySample(string name)
{
    private readonly List<double> _micros = [];

    public string Name { get; } = name;

    public int Count => _micros.Count;

    public void Add(long startTimestamp) => _micros.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    public void AddAll(LatencySample other) => _micros.AddRange(other._micros);

    public double Percentile(double p)
    {
        var sorted = _micros.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Count:N0} | {Percentile(50):0.0} | {Percentile(99):0.0} | {Percentile(99.9):0.0} |");
}
