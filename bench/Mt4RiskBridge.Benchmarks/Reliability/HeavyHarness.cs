using System.Globalization;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// <c>heavy [senders] [seconds] [in-process]</c>: the <see cref="HeavySenderDrill"/> at full size, its senders in a
/// process of their own (<c>heavy-client</c>) unless <c>in-process</c> is given.
/// </summary>
internal static class HeavyHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var senders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var senderProgram = args.Length > 2 && args[2] == "in-process" ? null : typeof(HeavyHarness).Assembly.Location;
        var folder = Directory.CreateTempSubdirectory("mt4rb-heavy").FullName;
        try
        {
            var report = await new HeavySenderDrill(folder, senders, TimeSpan.FromSeconds(seconds), senderProgram).RunAsync().ConfigureAwait(false);
            Console.WriteLine(report);
            return report.Contains("PASSED", StringComparison.Ordinal) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
