using System.Globalization;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary><c>restart [cycles] [terminals] [seconds per run]</c>: the <see cref="RestartDrill"/> at length.</summary>
internal static class RestartHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cycles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var terminals = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var folder = Directory.CreateTempSubdirectory("mt4rb-restarts").FullName;
        try
        {
            var report = await new RestartDrill(new RestartDrillOptions
            {
                Folder = folder,
                Terminals = terminals,
                Restarts = cycles,
                TrafficPerRun = TimeSpan.FromSeconds(seconds),
                Progress = Console.Out,
            }).RunAsync().ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine(report);
            foreach (var line in report.MissingFromAudit.Concat(report.StaleApprovals).Take(20)) Console.WriteLine("  " + line);
            return report.Passed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
