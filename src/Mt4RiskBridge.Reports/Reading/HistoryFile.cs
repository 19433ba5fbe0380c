namespace Mt4RiskBridge.Reports;

/// <summary>Opens an MT4 HTML report, tells a statement from a tester report and reads it.</summary>
public static class HistoryFile
{
    /// <summary>Larger files are refused before reading: a 10,000-trade statement is about 6 MB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static TradeHistory Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw new ReportInputException($"{path}: no such file");
        if (info.Length > MaxBytes)
            throw new ReportInputException($"{name} is {info.Length / (1024.0 * 1024.0):0.0} MB; MT4 reports up to {MaxBytes / (1024 * 1024)} MB are read (a 10,000-trade statement is about 6 MB)");
        if (info.Length == 0) throw new ReportInputException($"{name} is empty");
        return Parse(File.ReadAllText(path), name);
    }

    public static TradeHistory Parse(string html, string name)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = HtmlRows.Read(html);
        TradeHistory history;
        if (TesterReportReader.Recognizes(document))
        {
            CheckComplete(html, name);
            history = TesterReportReader.Read(document, name);
        }
        else if (StatementReader.Recognizes(document))
        {
            CheckComplete(html, name);
            history = StatementReader.Read(document, name);
        }
        else
        {
            throw new ReportInputException($"{name} is not an MT4 Detailed Statement, Strategy Tester report or decisions.jsonl");
        }
        if (history.Trades.Count == 0)
            throw new ReportInputException($"{name} has no closed trades to report on");
        return history;
    }

    // The parser closes what a cut-off file leaves open, so a truncated file is only visible in its text:
    // MT4 always ends its reports with </html>.
    private static void CheckComplete(string html, string name)
    {
        if (!html.AsSpan().TrimEnd().EndsWith("</html>", StringComparison.OrdinalIgnoreCase))
            throw new ReportInputException($"{name} is truncated: an MT4 report ends with </html>, this one stops after {html.Length:N0} characters");
    }
}
