using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using Mt4RiskBridge.Reports;
using Mt4RiskBridge.TestSupport.Statements;

namespace Mt4RiskBridge.Benchmarks.Reports;

/// <summary>
/// <c>report [trades] [runs] [path]</c>: writes a synthetic Detailed Statement with that many trades (default
/// 10,000) and times the report's stages cold (JIT included) and the whole command warm (read, figures, JSON and HTML with charts),
/// against a baseline measured in the same run: parsing the same file with AngleSharp alone.
/// </summary>
internal static class ReportHarness
{
    public static int Run(string[] args)
    {
        var c = CultureInfo.InvariantCulture;
        var trades = args.Length > 0 ? int.Parse(args[0], c) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], c) : 5;
        var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"statement-{trades}.htm");
        File.WriteAllText(path, SyntheticStatement.Build(trades).Html);
        Console.WriteLine(string.Create(c, $"statement: {path}, {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB, {trades} trades"));

        var json = path + ".json";
        var html = path + ".html";
        string[] command = [path, "--json", json, "--html", html];
        // The first pass runs each stage once in this fresh process, so its figures include the JIT of that stage's
        // code (AngleSharp's tokenizer for the read, ScottPlot and SkiaSharp for the charts).
        var cold = Stages(path);
        var total = new List<double>();
        var parse = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            parse.Add(Time(() => new HtmlParser().ParseDocument(File.ReadAllText(path))));
            total.Add(Time(() => Report(command)));
        }
        total.Sort();
        parse.Sort();
        var medianTotal = total[total.Count / 2];
        var medianParse = parse[parse.Count / 2];
        var warm = Stages(path);
        Console.WriteLine(string.Create(c, $"stages, first run in this process (JIT included): read {cold.Read:0} ms, figures {cold.Figures:0} ms, HTML with charts {cold.Html:0} ms"));
        Console.WriteLine(string.Create(c, $"report, median of {runs}: {medianTotal:0} ms (min {total[0]:0}, max {total[^1]:0})"));
        Console.WriteLine(string.Create(c, $"baseline AngleSharp parse of the same file, median of {runs}: {medianParse:0} ms"));
        Console.WriteLine(string.Create(c, $"ratio report / parse: {medianTotal / medianParse:0.00}"));
        Console.WriteLine(string.Create(c, $"stages of one warm run: read {warm.Read:0} ms, figures {warm.Figures:0} ms, HTML with charts {warm.Html:0} ms"));
        Console.WriteLine(string.Create(c, $"outputs: {new FileInfo(json).Length / 1024.0:0} KB JSON, {new FileInfo(html).Length / 1024.0:0} KB HTML"));
        return 0;
    }

    private static (double Read, double Figures, double Html) Stages(string path)
    {
        TradeHistory? history = null;
        ReportSummary? summary = null;
        var read = Time(() => history = HistoryFile.Read(path));
        var figures = Time(() => summary = LeverageAnalysis.Run(history!, new InstrumentCatalog(), Path.GetFileName(path)));
        var html = Time(() => HtmlReport.Render(summary!));
        return (read, figures, html);
    }

    private static void Report(string[] command)
    {
        using var sink = new StringWriter();
        if (ReportCommand.Run(command, sink, sink) != 0) throw new InvalidOperationException("report failed: " + sink);
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
