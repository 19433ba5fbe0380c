namespace Mt4RiskBridge.Reports.Tests;

/// <summary>
/// tradeslide-statement.htm: a real statement with the &lt;!--LEVERAGE--&gt; placeholder, thousands written
/// with spaces ("1 434.86", "100 000.00"), lower-case symbols, cancelled pending orders, an open trade and two
/// symbols that are neither pairs nor metals (ndx, xtiusd). Rows are listed newest first.
/// </summary>
public sealed class TradeslideStatementTests
{
    private readonly ReportSummary _report = TestData.Report("tradeslide-statement.htm");

    [Fact]
    public void Report_Totals_MatchTheStatement()
    {
        // 124 buy/sell rows in Closed Transactions; the statement's own "Closed Trade P/L" is 8 205.65 and its
        // Deposit/Withdrawal 100 000.00 (one "Deposited using API" row). Sizes summed over the 124 rows: 493.83.
        Assert.Equal(124, _report.Trades);
        Assert.Equal(493.83m, _report.Lots);
        Assert.Equal(8_205.65m, _report.NetProfit);
        Assert.Equal(100_000m, _report.Deposits);
        Assert.Equal(0m, _report.Withdrawals);
        Assert.Null(_report.AccountLeverage);
        Assert.Equal(100m, _report.StopLossShare);
        // 124 trades ≥ 10 and 493.83 lots ≥ 5.
        Assert.True(_report.UnlimitedEligible);
    }

    [Fact]
    public void Report_NonCurrencySymbols_AreExcludedAndListed()
    {
        Assert.Equal(["ndx", "xtiusd"], _report.ExcludedSymbols);
        Assert.Contains(_report.Notes, n => n.Contains("ndx, xtiusd", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_ContractFile_BringsASymbolBackIn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"contracts-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "symbol,contract\nxtiusd,1000\n");
        try
        {
            var report = TestData.Report("tradeslide-statement.htm", new InstrumentCatalog(ContractFile.Read(path)));
            Assert.Equal(["ndx"], report.ExcludedSymbols);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Report_FirstOpens_WorkedByHand()
    {
        // Balance 100 000.00 from 2023.09.08 05:41:08.
        // 09:03:09 sell 4.20 usdjpy @147.178: base USD → 420 000 notional → 4.2:1.
        // 13:02:36 buy 4.40 nzdusd @0.59117 while the usdjpy sell is still open: 4.40 × 100 000 × 0.59117 =
        // 260 114.80; (420 000 + 260 114.80) / 100 000 = 6.801148.
        Assert.Equal(4.2m, _report.Opens[0].EffectiveLeverage);
        Assert.Equal(6.801148m, _report.Opens[1].EffectiveLeverage);
    }

    [Fact]
    public void Report_Weekends_WorkedByHand()
    {
        // Over a Saturday 00:00: 75700833 usdjpy 3.21 and 75700907 nzdusd 5.08 (2023.09.22 → 09.25),
        // 76004359 eurusd 3.19 and 76004191 gbpusd 2.25 (10.06 → 10.09), 76828949 audcad 3.92 (11.10 → 11.14).
        // Largest weekend: 3.21 + 5.08 = 8.29 lots.
        Assert.Equal(5, _report.HeldOverWeekend);
        Assert.Equal(8.29m, _report.HeldOverWeekendMaxLots);
    }

    [Fact]
    public void Report_CancelledAndOpenRows_AreListed()
    {
        var cancelled = Assert.Single(_report.Unused, u => u.What == "cancelled pending order");
        Assert.Equal(3, cancelled.Count);
        Assert.Equal(["77947916", "77726369", "77697268"], cancelled.Tickets);
        Assert.Equal(1, Assert.Single(_report.Unused, u => u.What == "open trade").Count);
    }
}
