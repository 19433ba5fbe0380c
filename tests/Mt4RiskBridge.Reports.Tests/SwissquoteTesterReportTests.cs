namespace Mt4RiskBridge.Reports.Tests;

/// <summary>
/// swissquote-macd-tester.htm: a real MT4 Strategy Tester report (MACD Sample, USDJPY M5, 0.1 lots,
/// initial deposit 10 000.00). Its order table has 369 buy, 364 sell, 946 modify, 95 close, 265 s/l,
/// 372 t/p and 1 "close at stop" rows (counted with a text search over the file).
/// </summary>
public sealed class SwissquoteTesterReportTests
{
    private readonly ReportSummary _report = TestData.Report("swissquote-macd-tester.htm");

    [Fact]
    public void Report_EachCloseRowIsATrade()
    {
        // 95 + 265 + 372 + 1 = 733 close rows, the report's own "Total trades 733"; each closes 0.10 lots.
        Assert.Equal(HistoryKind.TesterReport, _report.Kind);
        Assert.Equal(733, _report.Trades);
        Assert.Equal(73.3m, _report.Lots);
        // The close rows' Profit column sums to −1 071.39. (The report's header says −1 071.49: MT4 prints each
        // row rounded to the cent but keeps the unrounded balance; the definition sums the rows.)
        Assert.Equal(-1_071.39m, _report.NetProfit);
        Assert.Equal(10_000m, _report.Deposits);
        Assert.True(_report.CurrencyAssumed);
        Assert.Contains(_report.Notes, n => n.Contains("USD is assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_OneTradeAtATime_InRowOrder()
    {
        // MACD Sample never holds two orders; within one tester minute the row order decides, so a close and the
        // next open in the same minute do not overlap.
        Assert.Equal(1, _report.MaxConcurrentPositions);
        Assert.Equal(1, _report.MaxStackedPositions);
        Assert.Equal(0, _report.AddsToLosers);
        // 0.10 USDJPY is 10 000 USD of notional (base USD). Walking the rows and adding each close row's profit to
        // 10 000.00, the lowest balance before an open is 8 899.41 (before row 2328, 2025.05.23 02:41), so the peak
        // is 10 000 / 8 899.41, and at 1:25 that open keeps 8 899.41 × 25 / 10 000 × 100 = 2 224.85 %.
        Assert.Equal(10_000m / 8_899.41m, _report.PeakEffectiveLeverage);
        Assert.Equal(8_899.41m * 25m / 10_000m * 100m, _report.Figure("25").MarginLevelAtOpen);
        Assert.Equal(25, _report.MinimumLeverage);
    }

    [Fact]
    public void Report_ModifyRows_AreListedAsUnused()
    {
        var modify = Assert.Single(_report.Unused, u => u.What == "modify row");
        Assert.Equal(946, modify.Count);
    }
}
