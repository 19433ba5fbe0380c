using System.Globalization;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary><c>heavy [senders] [seconds]</c>: the <see cref="HeavySenderDrill"/> at full size.</summary>
internal static class HeavyHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var senders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var folder = Directory.CreateTempSubdirectory("mt4rb-heavy").FullName;
        try
        {
            var report = await new HeavySenderDrill(folder, senders, TimeSpan.FromSeconds(seconds)).RunAsync().ConfigureAwait(false);
            Console.WriteLine(report);
            return report.Contains("PASSED", StringComparison.Ordinal) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
