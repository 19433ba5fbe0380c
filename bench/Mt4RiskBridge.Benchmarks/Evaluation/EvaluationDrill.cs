using System.Diagnostics;
using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Benchmarks.Evaluation;

/// <summary>
/// `evaluate [evaluations] [runs]`: the busy-account approve and resize decisions of <see cref="EvaluationBenchmarks"/>,
/// timed as CPU time of the evaluating thread (best of the runs) and counted in bytes allocated per decision. On a
/// machine shared with other work, thread CPU time moves far less than wall-clock time, and allocations not at all.
/// </summary>
internal static class EvaluationDrill
{
    public static int Run(string[] args)
    {
        var evaluations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var book = BusyAccount.Create();
        var engine = new RiskEngine(BusyAccount.Policy);
        var cases = new (string Name, OrderCheck Check)[]
        {
            ("approve", book with { Order = new OrderRequest("EURUSD", Side.Buy, 0.50m, StopLoss: 1.0950m) }),
            ("resize", book with { Order = new OrderRequest("GBPJPY", Side.Sell, 20m, StopLoss: 192.500m) }),
        };
        foreach (var (name, check) in cases)
        {
            var decision = engine.Evaluate(check);
            // Warm up so that tiered compilation has settled before anything is measured.
            for (var i = 0; i < 20_000; i++) engine.Evaluate(check);
            var best = double.MaxValue;
            var bytes = 0.0;
            for (var r = 0; r < runs; r++)
            {
                var cpu = ThreadCpuNanoseconds();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < evaluations; i++) engine.Evaluate(check);
                bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)evaluations;
                var elapsed = ThreadCpuNanoseconds() - cpu;
                best = Math.Min(best, elapsed / (double)evaluations / 1_000.0);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-8} {decision.Verdict,-8} lots {decision.Lots,6}  cpu {best,7:F3} µs (best of {runs} × {evaluations:N0})  allocated {bytes,6:F0} B"));
        }
        return 0;
    }

    private static long ThreadCpuNanoseconds()
    {
        // The first field of the thread's schedstat: nanoseconds it has spent on a CPU.
        if (!OperatingSystem.IsLinux()) return Stopwatch.GetTimestamp() * (1_000_000_000 / Stopwatch.Frequency);
        var text = File.ReadAllText("/proc/thread-self/schedstat");
        return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }
}
