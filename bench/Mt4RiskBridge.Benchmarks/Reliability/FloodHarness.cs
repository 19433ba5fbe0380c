using System.Globalization;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// <c>flood [connections] [open-file limit, 0 = inherited] [seconds held] [handshake]</c>: the <see cref="ConnectionFloodDrill"/>
/// at full size; with <c>handshake</c> the idle connections complete the ZeroMQ handshake and never say hello.
/// </summary>
internal static class FloodHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        var handshake = args.Length > 3 && args[3] == "handshake";
        var folder = Directory.CreateTempSubdirectory("mt4rb-flood").FullName;
        try
        {
            var report = await new ConnectionFloodDrill(folder, connections, files > 0 ? files : null, TimeSpan.FromSeconds(seconds), handshake).RunAsync().ConfigureAwait(false);
            Console.WriteLine(report);
            return report.Passed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
