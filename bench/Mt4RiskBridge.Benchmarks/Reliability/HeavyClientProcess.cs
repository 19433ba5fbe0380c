using System.Globalization;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// <c>heavy-client [endpoint] [first login] [senders]</c>: the heavy drill's senders in a process of their own.
/// Writes <c>started</c> once every hello was answered, streams until standard input ends, then writes the
/// <c>rate_limit</c> replies its senders read.
/// </summary>
internal static class HeavyClientProcess
{
    public static int Run(string[] args)
    {
        var endpoint = args[0];
        var first = long.Parse(args[1], CultureInfo.InvariantCulture);
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        using var senders = new HeavySenders(endpoint, first, count);
        Console.WriteLine(senders.WaitGreeted(TimeSpan.FromSeconds(30)) ? "started" : "started (not every hello answered)");
        while (Console.In.ReadLine() is not null)
        {
        }
        Console.WriteLine(senders.Stop().ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
