using System.Globalization;

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

    private static void ReportHistory(ReportRequest request, TextWriter output)
    {
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
        var summary = DecisionLogReader.Read(request.File);
        if (request.JsonPath is { } json) WriteFile(json, stream => DecisionLogOutput.WriteJson(stream, summary));
        if (request.EffectiveHtmlPath is { } html) File.WriteAllText(html, DecisionLogOutput.Html(summary));
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{summary.File}: {summary.Decisions} decisions: ") +
            string.Join(", ", summary.ByVerdict.Select(v => string.Create(c, $"{v.Value} {v.Key}"))));
        if (summary.UnreadableLines > 0) output.WriteLine(string.Create(c, $"lines not read: {summary.UnreadableLines}"));
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
