using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// The <c>report</c> subcommand: reads the file, writes the JSON and/or HTML report and prints a short summary.
/// Bad input is one line on the error writer and exit code 2; it never shows a stack trace.
/// </summary>
public static class ReportCommand
{
    public const string Name = "report";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.WriteLine(ReportRequest.Usage);
            return 0;
        }
        if (!ReportRequest.TryParse(args, out var request, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(ReportRequest.Usage);
            return 2;
        }
        return Run(request!, output, error);
    }

    public static int Run(ReportRequest request, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (!File.Exists(request.File)) throw new ReportInputException($"{request.File}: no such file");
            if (DecisionLogReader.Recognizes(request.File)) ReportDecisions(request, output);
            else ReportHistory(request, output);
            return 0;
        }
        catch (ReportInputException ex)
        {
            error.WriteLine("report: " + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("report: " + ex.Message);
            return 2;
        }
    }

    // Changes printed on the console; the reports hold them all.
    private const int PrintedChanges = 20;

    private static void ReportHistory(ReportRequest request, TextWriter output)
    {
        if (request.WhatIf is not null) throw new ReportInputException("--what-if replays a decisions log (decisions.jsonl), not a statement or tester report");
        var history = HistoryFile.Read(request.File);
        var catalog = new InstrumentCatalog(request.ContractsPath is null ? null : ContractFile.Read(request.ContractsPath));
        var summary = LeverageAnalysis.Run(history, catalog, Path.GetFileName(request.File), request.AccountLeverage ?? history.AccountLeverage);
        if (request.JsonPath is { } json) WriteFile(json, stream => SummaryJson.Write(stream, summary));
        if (request.EffectiveHtmlPath is { } html) File.WriteAllText(html, HtmlReport.Render(summary));

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{summary.File}: {summary.Trades} trades, {summary.Lots:0.##} lots, net {summary.NetProfit:N2} {summary.AccountCurrency}"));
        output.WriteLine(Verdict.For(summary));
        if (summary.ExcludedSymbols.Count > 0) output.WriteLine("excluded symbols: " + string.Join(", ", summary.ExcludedSymbols));
        var unusedRows = summary.Unused.Sum(u => u.Count);
        if (unusedRows > 0) output.WriteLine(string.Create(c, $"rows not used: {unusedRows} (listed in the report)"));
        WrittenTo(request, output);
    }

    private static void ReportDecisions(ReportRequest request, TextWriter output)
    {
        // The log does not hold the service's settings: checks are judged again under the built-in policy (the shipped
        // appsettings.json), which the reproduced count tests, and under that policy with the what-if laid over it.
        var replay = request.WhatIf is { } whatIf ? new WhatIfReplay(whatIf, RiskPolicy.Default) : null;
        var summary = DecisionLogReader.Read(request.File, replay);
        if (request.JsonPath is { } json) WriteFile(json, stream => DecisionLogOutput.WriteJson(stream, summary));
        if (request.EffectiveHtmlPath is { } html) File.WriteAllText(html, DecisionLogOutput.Html(summary));
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{summary.File}: {summary.Decisions} decisions: ") +
            string.Join(", ", summary.ByVerdict.Select(v => string.Create(c, $"{v.Value} {v.Key}"))));
        if (summary.UnreadableLines > 0) output.WriteLine(string.Create(c, $"lines not read: {summary.UnreadableLines}"));
        if (summary.WhatIf is { } result)
        {
            output.WriteLine(DecisionLogOutput.WhatIfSentence(result));
            foreach (var change in result.Changed.Take(PrintedChanges))
            {
                output.WriteLine(string.Create(c, $"  line {change.LineNumber} {change.Id} {change.Side} {change.RequestedLots:0.##} {change.Symbol}: {change.RecordedVerdict} {change.RecordedLots:0.##} -> {change.Verdict} {change.Lots:0.##}") +
                    (change.FirstReason is null ? "" : " (" + change.FirstReason + ")"));
            }
            if (result.Changed.Count > PrintedChanges) output.WriteLine(string.Create(c, $"  ... {result.Changed.Count - PrintedChanges} more in the report"));
        }
        WrittenTo(request, output);
    }

    private static void WrittenTo(ReportRequest request, TextWriter output)
    {
        if (request.JsonPath is { } json) output.WriteLine("wrote " + json);
        if (request.EffectiveHtmlPath is { } html) output.WriteLine("wrote " + html);
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        using var stream = File.Create(path);
        write(stream);
    }
}
