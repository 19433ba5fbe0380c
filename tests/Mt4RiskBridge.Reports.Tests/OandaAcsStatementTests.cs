namespace Mt4RiskBridge.Reports.Tests;

/// <summary>
/// oanda-acs-statement.htm: a real OANDA statement with 42 closed trades, a 5 000.00 deposit and two
/// Financing rows (−2.46 on 2020.02.11, −0.08 on 2020.02.22).
/// </summary>
public sealed class OandaAcsStatementTests
{
    private readonly ReportSummary _report = TestData.Report("oanda-acs-statement.htm");

    [Fact]
    public void Report_Totals_MatchTheStatementsOwnSummary()
    {
        // The statement's Closed P/L is −266.19; its Deposit/Withdrawal 5 000.00 − 2.46 − 0.08 = 4 997.46.
        Assert.Equal(42, _report.Trades);
        Assert.Equal(-266.19m, _report.NetProfit);
        Assert.Equal(5_000m, _report.Deposits);
        Assert.Equal(2.54m, _report.Withdrawals);
        Assert.Empty(_report.ExcludedSymbols);
        Assert.Empty(_report.Unused);
    }

    [Fact]
    public void Report_Peak_IsTheTwoLotUsdcadHedgeOnTopOfEurusd()
    {
        // At 2020.02.17 04:54:52 three trades are open: sell 0.15 eurusd @1.08351 (0.15 × 100 000 × 1.08351 =
        // 16 252.65), buy 1.00 usdcad (100 000) and the new sell 1.00 usdcad (100 000): 216 252.65 in all.
        // Balance then: 5 000.00 − 2.46 + the 29 trades closed by 2020.02.13 17:09:23, whose net P&L is
        // −0.33 −7.13 −7.13 −7.14 −38.84 −39.14 −39.14 −39.15 −39.14 +36.30 +1.43 +2.72 −2.13 −1.41 −1.54 −10.63
        // −10.63 +2.72 +8.20 −16.20 −15.80 +4.68 +3.90 −26.06 −9.00 −0.90 +1.05 +7.35 +14.10 = −228.99,
        // so 4 768.55. No other open holds more than one 1-lot position (≤ 116 252.65).
        const decimal notional = 216_252.65m, balance = 4_768.55m;
        Assert.Equal(notional / balance, _report.PeakEffectiveLeverage);
        Assert.Equal("beyond", _report.ExperienceProfile);
        // 1:25 → 4 768.55 × 25 / 216 252.65 × 100 = 55.13 %: that open is refused (margin 8 650.11 > 4 768.55).
        // 1:50 → 110.25 %: the smallest tested leverage that carries every open.
        Assert.Equal(balance * 25m / notional * 100m, _report.Figure("25").MarginLevelAtOpen);
        Assert.Equal(balance * 50m / notional * 100m, _report.Figure("50").MarginLevelAtOpen);
        Assert.Equal(50, _report.MinimumLeverage);
        Assert.Equal(1, _report.Figure("25").RefusedAt);
        Assert.Equal(0, _report.Figure("500").RefusedAt);
        Assert.True(_report.LeverageDependent);
    }

    [Fact]
    public void Report_Stacking_CountsTheFiveUsdcadBuys()
    {
        // 2020.02.10 19:13:56–19:14:25: five buys of 0.13 usdcad-2 and, at 19:14:33, a sell; all close
        // 2020.02.11 16:56:23–35. Six open at once, five on one symbol and side.
        Assert.Equal(6, _report.MaxConcurrentPositions);
        Assert.Equal(5, _report.MaxStackedPositions);
    }
}
