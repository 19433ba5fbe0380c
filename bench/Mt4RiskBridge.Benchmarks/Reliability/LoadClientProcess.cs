using System.Diagnostics;
using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// <c>load-client [endpoint] [first login] [terminals] [threads] [connects per second]</c>: a share of the load run's
/// terminals in a process of its own, so one run can pass what one process may open (each NetMQ socket takes about
/// three descriptors). Driven over standard input, one command a line, each answered with one line on standard
/// output: <c>connect</c>, <c>keepalive</c>, <c>start</c>, <c>reset</c>, <c>stop-sending</c>, <c>outstanding</c>,
/// <c>cpu</c> (processor seconds so far), <c>stop [latency file]</c> (writes the latencies in µs, one a line, and
/// answers with checks sent, answered, messages, refused sends and error replies). End of input ends the process.
/// </summary>
internal static class LoadClientProcess
{
    public static int Run(string[] args)
    {
        var endpoint = args[0];
        var first = long.Parse(args[1], CultureInfo.InvariantCulture);
        var terminals = int.Parse(args[2], CultureInfo.InvariantCulture);
        var threads = int.Parse(args[3], CultureInfo.InvariantCulture);
        var perSecond = int.Parse(args[4], CultureInfo.InvariantCulture);
        NetMQ.NetMQConfig.MaxSockets = Math.Max(1024, terminals + 64);
        var groups = Enumerable.Range(0, threads)
            .Select(g => new LoadGroup(endpoint, Enumerable.Range(0, terminals).Where(i => i % threads == g).Select(i => first + i), seed: (int)(first % 1000) + g))
            .ToList();
        try
        {
            while (Console.In.ReadLine() is { } line)
            {
                var command = line.Split(' ');
                var answer = command[0] switch
                {
                    "connect" => Do(() => Task.WaitAll(groups.Select(g => Task.Run(() => g.Connect(TimeSpan.FromSeconds(120), Math.Max(1, perSecond / threads)))))),
                    "keepalive" => Do(() => groups.ForEach(g => g.KeepAlive())),
                    "start" => Do(() => groups.ForEach(g => g.Start())),
                    "reset" => Do(() => groups.ForEach(g => g.ResetStatistics())),
                    "stop-sending" => Do(() => groups.ForEach(g => g.StopSending())),
                    "outstanding" => groups.Sum(g => g.Outstanding).ToString(CultureInfo.InvariantCulture),
                    "cpu" => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    "stop" => Stop(groups, command[1]),
                    _ => "unknown",
                };
                Console.WriteLine(answer);
            }
            return 0;
        }
        finally
        {
            foreach (var group in groups) group.Dispose();
        }
    }

    private static string Do(Action action)
    {
        action();
        return "ok";
    }

    private static string Stop(List<LoadGroup> groups, string latencyFile)
    {
        foreach (var group in groups) group.Stop();
        File.WriteAllLines(latencyFile, groups.SelectMany(g => g.Latencies)
            .Select(t => (t * 1_000_000.0 / Stopwatch.Frequency).ToString("R", CultureInfo.InvariantCulture)));
        var errors = string.Join(",", groups.SelectMany(g => g.Errors).GroupBy(e => e.Key).Select(e => $"{e.Key}={e.Sum(x => x.Value)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{groups.Sum(g => g.ChecksSent)} {groups.Sum(g => g.ChecksAnswered)} {groups.Sum(g => g.MessagesSent)} {groups.Sum(g => g.SendsRefused)} {(errors.Length == 0 ? "-" : errors)}");
    }
}
