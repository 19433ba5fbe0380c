namespace Mt4RiskBridge.Reports.Tests;

/// <summary>A non-USD account converts USD amounts with its own currency's trades in the history.</summary>
public sealed class AccountCurrencyTests
{
    [Fact]
    public void Report_EuroAccount_ConvertsWithItsOwnEurusdTrades()
    {
        // The real OANDA statement (see OandaOmdStatementTests) relabelled as a EUR account. Its eurusd trades give
        // EUR rates: 1.09117 (02.10 23:24:52), 1.09125 (02.11 00:42:38), 1.08448 (02.14 20:42:36), 1.08117 (02.18 15:19:24).
        var html = File.ReadAllText(TestData.PathOf("oanda-omd-statement.htm")).Replace("Currency: USD", "Currency: EUR", StringComparison.Ordinal);
        var history = HistoryFile.Parse(html, "eur.htm");
        var report = LeverageAnalysis.Run(history, new InstrumentCatalog(), "eur.htm");

        Assert.Equal("EUR", report.AccountCurrency);
        // T1: 1 091.17 USD ÷ 1.09117 (its own open, the nearest rate) = 1 000 EUR over 5 000.00.
        // T2: 1 000 USD ÷ 1.09125 (nearest to 02.11 23:42:23 is 02.11 00:42:38) over 4 999.98.
        // T4: 10 844.80 USD ÷ 1.08448 = 10 000 EUR over 4 998.72.
        Assert.Equal(1_091.17m / 1.09117m / 5_000m, report.Opens[0].EffectiveLeverage);
        Assert.Equal(1_000m / 1.09125m / 4_999.98m, report.Opens[1].EffectiveLeverage);
        Assert.Equal(10_844.80m / 1.08448m / 4_998.72m, report.PeakEffectiveLeverage);
        // Risk of T4: 33.10 USD ÷ 1.08448 USD per EUR, over 4 998.72.
        Assert.Equal(33.10m / 1.08448m / 4_998.72m * 100m, report.MaxRiskPercent);
    }

    [Fact]
    public void Thin_KeepsEveryExtreme()
    {
        var xs = Enumerable.Range(0, 10_000).Select(i => (double)i).ToArray();
        var ys = xs.Select(x => Math.Sin(x / 50) * 100).ToArray();
        ys[4_321] = 1_000;
        ys[8_765] = -1_000;
        var (thinX, thinY) = ChartSeries.Thin(xs, ys);
        Assert.True(thinX.Length <= ChartSeries.Slices * 2);
        Assert.Contains(1_000, thinY);
        Assert.Contains(-1_000, thinY);
        Assert.Equal(thinX.Order(), thinX);
    }
}
