namespace Mt4RiskBridge.Reports.Tests;

/// <summary>The real MT4 files under Data/ (sources in Data/SOURCE.md) and a one-call report of each.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static ReportSummary Report(string name, InstrumentCatalog? catalog = null, decimal? accountLeverage = null)
    {
        var history = HistoryFile.Read(PathOf(name));
        return LeverageAnalysis.Run(history, catalog ?? new InstrumentCatalog(), name, accountLeverage ?? history.AccountLeverage);
    }

    public static LeverageFigure Figure(this ReportSummary summary, string key) => summary.Leverages.Single(f => f.Key == key);
}
