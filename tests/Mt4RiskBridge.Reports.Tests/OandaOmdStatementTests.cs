namespace Mt4RiskBridge.Reports.Tests;

/// <summary>
/// oanda-omd-statement.htm: a real OANDA statement small enough to work through by hand. Its rows:
///   balance  2020.02.06 15:56:26  +5 000.00 (ADJUSTMENT)
///   T1 buy  0.01 eurusd-2 open 2020.02.10 23:24:52 @1.09117 S/L 1.09050, closed 2020.02.11 00:42:38, profit  +0.08
///   balance  2020.02.11 00:00:59  −0.10 (Financing)
///   T2 buy  0.01 usdcad-2 open 2020.02.11 23:42:23 @1.32901 S/L 1.32880, closed 2020.02.11 23:43:10, profit  −0.17
///   T3 buy  0.01 usdcad-2 open 2020.02.11 23:45:15 @1.32891 S/L 1.32750, closed 2020.02.12 09:41:11, profit  −1.06
///   balance  2020.02.12 00:01:04  −0.03
///   T4 buy  0.10 eurusd-2 open 2020.02.14 20:42:36 @1.08448 S/L 1.08117, closed 2020.02.18 15:19:24, profit −33.10
///   balance  −1.78 (02.15), −2.00 (02.18), −1.03, −2.58, −3.05, −1.00 (02.19–02.22)
///   three open trades (chfjpy, euraud, usdcad) that are not closed trades.
/// No commission, swap or taxes anywhere. The account is USD, leverage 1:100 in the header.
/// </summary>
public sealed class OandaOmdStatementTests
{
    private readonly ReportSummary _report = TestData.Report("oanda-omd-statement.htm");

    [Fact]
    public void Report_CountsAndMoney_MatchTheRows()
    {
        // trades 4; lots 0.01 + 0.01 + 0.01 + 0.10 = 0.13; net 0.08 − 0.17 − 1.06 − 33.10 = −34.25 (the statement's Closed P/L).
        Assert.Equal(4, _report.Trades);
        Assert.Equal(0.13m, _report.Lots);
        Assert.Equal(-34.25m, _report.NetProfit);
        // deposits 5 000.00; withdrawals 0.10 + 0.03 + 1.78 + 2.00 + 1.03 + 2.58 + 3.05 + 1.00 = 11.57
        // (5 000.00 − 11.57 = 4 988.43, the statement's own Deposit/Withdrawal line).
        Assert.Equal(5_000m, _report.Deposits);
        Assert.Equal(11.57m, _report.Withdrawals);
        Assert.Equal(100m, _report.AccountLeverage);
        Assert.Equal("USD", _report.AccountCurrency);
        Assert.False(_report.CurrencyAssumed);
    }

    [Fact]
    public void Report_EffectiveLeverage_IsNotionalOverBalanceAtEachOpen()
    {
        // No two trades overlap, so each open holds only itself.
        // T1: 0.01 × 100 000 × 1.09117 = 1 091.17 / 5 000.00 = 0.218234
        // T2: base USD → 0.01 × 100 000 = 1 000 / (5 000 + 0.08 − 0.10 = 4 999.98)
        // T3: 1 000 / (4 999.98 − 0.17 = 4 999.81)
        // T4: 0.10 × 100 000 × 1.08448 = 10 844.80 / (4 999.81 − 0.03 − 1.06 = 4 998.72) = 2.169533…
        Assert.Equal(1, _report.MaxConcurrentPositions);
        Assert.Equal([0.218234m, 1_000m / 4_999.98m, 1_000m / 4_999.81m, 10_844.80m / 4_998.72m],
            _report.Opens.Select(o => o.EffectiveLeverage));
        Assert.Equal(10_844.80m / 4_998.72m, _report.PeakEffectiveLeverage);
        Assert.Equal("beginner", _report.ExperienceProfile);
    }

    [Fact]
    public void Report_MarginLevels_AreWorstAtTheLargestOpen()
    {
        // The lowest level is at T4 for every L: 4 998.72 × L / 10 844.80 × 100.
        // L = 25: 4 998.72 × 25 / 10 844.80 × 100 = 1 152.33 %; every open is far above 100 %, so 1:25 suffices.
        Assert.Equal(4_998.72m * 25m / 10_844.80m * 100m, _report.Figure("25").MarginLevelAtOpen);
        Assert.Equal(4_998.72m * 500m / 10_844.80m * 100m, _report.Figure("500").MarginLevelAtOpen);
        // The tier table puts 4 998.72 in the 1,000–4,999 tier (1:2000).
        Assert.Equal(4_998.72m * 2_000m / 10_844.80m * 100m, _report.Figure("tiers").MarginLevelAtOpen);
        // The header's 1:100.
        Assert.Equal(4_998.72m * 100m / 10_844.80m * 100m, _report.Figure("account").MarginLevelAtOpen);
        Assert.Equal(25, _report.MinimumLeverage);
        Assert.All(_report.Leverages, f => Assert.Equal(0, f.RefusedAt));
        Assert.False(_report.LeverageDependent);
    }

    [Fact]
    public void Report_Risk_IsStopDistanceTimesSizeOverBalance()
    {
        // T1: (1.09117 − 1.09050) × 1 000 = 0.67 USD / 5 000.00 = 0.0134 %
        // T2: (1.32901 − 1.32880) × 1 000 = 0.21 CAD ÷ 1.32901 = 0.158012… USD / 4 999.98
        // T3: (1.32891 − 1.32750) × 1 000 = 1.41 CAD ÷ 1.32891 = 1.061020… USD / 4 999.81 = 0.021221 %
        // T4: (1.08448 − 1.08117) × 10 000 = 33.10 USD / 4 998.72 = 0.662170 %
        // median of four: (0.0134 + 0.021221) / 2
        Assert.Equal(100m, _report.StopLossShare);
        Assert.Equal(33.10m / 4_998.72m * 100m, _report.MaxRiskPercent);
        var t3 = 1.41m / 1.32891m / 4_999.81m * 100m;
        Assert.Equal((0.0134m + t3) / 2m, _report.MedianRiskPercent);
    }

    [Fact]
    public void Report_Tells_MatchTheSequence()
    {
        // T4 (0.10) ≥ 1.5 × T3 (0.01) and T3 lost 1.06: one escalation. T3 vs T2: equal lots.
        Assert.Equal(1, _report.LotEscalations);
        Assert.Equal(0, _report.AddsToLosers);
        Assert.Equal(1, _report.MaxStackedPositions);
        // T4 is held from Friday 2020-02-14 to Tuesday 2020-02-18, over Saturday 2020-02-15 00:00.
        Assert.Equal(1, _report.HeldOverWeekend);
        Assert.Equal(0.10m, _report.HeldOverWeekendMaxLots);
        // 4 trades < 10.
        Assert.False(_report.UnlimitedEligible);
        Assert.Empty(_report.ExcludedSymbols);
    }

    [Fact]
    public void Report_OpenTrades_AreListedNotCounted()
    {
        var open = Assert.Single(_report.Unused);
        Assert.Equal("open trade", open.What);
        Assert.Equal(["233815478", "233489348", "233490108"], open.Tickets);
    }
}
