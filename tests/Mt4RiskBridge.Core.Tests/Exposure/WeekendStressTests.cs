using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class WeekendStressTests
{
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    private static WeekendSettings Gap(decimal percent) => new() { StressSizes = [new StressRule(percent)] };

    /// <summary>The issue's example: long EURUSD 2 lots at 1.1000, equity 3,000, 1:2000 (margin 110).</summary>
    private static AccountState Example(StopOutMode mode = StopOutMode.Percent) =>
        Market.Account(3_000m, Leverage.Of(2000), margin: 110m, positions: new Position(1001, "EURUSD", Side.Buy, 2m, 1.1000m)) with { StopOutMode = mode };

    private static WeekendStressResult Stress(AccountState account, WeekendSettings settings) =>
        WeekendStress.Evaluate(account, Market.Standard, Market.StandardQuotes, settings, RiskPolicy.Default);

    [Theory]
    [InlineData("1", "2200.00", "800.00", "727.27", "loss_limit", AlertSeverity.Warn, "1.73")]
    [InlineData("2", "4400.00", "-1400.00", "-1272.73", "loss_limit,margin_call,stop_out,negative_equity", AlertSeverity.Critical, "1.87")]
    [InlineData("3", "6600.00", "-3600.00", "-3272.73", "loss_limit,margin_call,stop_out,negative_equity", AlertSeverity.Critical, "1.91")]
    [InlineData("0.1", "220.00", "2780.00", "2527.27", "", AlertSeverity.Info, "0")]
    public void Evaluate_IssueExample_ToTheCent(string gap, string loss, string equityAfter, string level, string breaches, AlertSeverity severity, string lotsToClose)
    {
        var result = Stress(Example(), Gap(D(gap)));
        Assert.Equal(D(loss), Math.Round(result.Loss, 2));
        Assert.Equal(D(equityAfter), Math.Round(result.EquityAfter, 2));
        Assert.Equal(D(level), Math.Round(result.MarginLevelAfter.Percent, 2));
        Assert.Equal(110m, result.Margin);
        Assert.Equal(300m, result.MaxLoss);
        Assert.Equal(breaches, string.Join(",", result.Breaches.Select(AlertText.Breach)));
        Assert.Equal(severity, result.Severity);
        Assert.Equal(D(lotsToClose), result.LotsToClose);
        Assert.True(result.ClosingRestoresLimits);
    }

    [Fact]
    public void Evaluate_IssueExampleOnePercent_MessageAndDetails()
    {
        var result = Stress(Example(), Gap(1m));
        var alert = result.Alert!;
        Assert.Equal(AlertCode.WeekendExposure, alert.Code);
        Assert.Equal(
            "a weekend gap would lose 2,200.00 USD (#1001 EURUSD buy 2 lots, 1% gap: 2,200.00), leaving equity 800.00 USD at a margin level of 727.27%: " +
            "more than 10% of equity (300.00 USD); close 1.73 lots (#1001 EURUSD 1.73) to get back inside every limit",
            alert.Message);
        Assert.Equal(800.00m, alert.Details["equityAfter"]);
        Assert.Equal(727.27m, alert.Details["marginLevelAfter"]);
        Assert.Equal(1.73m, alert.Details["lotsToClose"]);
        var position = Assert.Single((IEnumerable<IReadOnlyDictionary<string, object?>>)alert.Details["positions"]!);
        Assert.Equal(2200.00m, position["loss"]);
        Assert.Equal(1001L, position["ticket"]);
    }

    [Fact]
    public void Evaluate_ClosingTheAdvisedLots_LeavesEveryLimitHeld()
    {
        // 1.73 lots closed of 2 leaves 0.27 lots: 297.00 loss at 1%, inside the 300.00 limit; 1.72 would not be.
        var kept = Example() with { Portfolio = Portfolio.From([new Position(1001, "EURUSD", Side.Buy, 0.27m, 1.1000m)]), Margin = 14.85m };
        Assert.False(Stress(kept, Gap(1m)).IsBreached);
        var short1 = kept with { Portfolio = Portfolio.From([new Position(1001, "EURUSD", Side.Buy, 0.28m, 1.1000m)]) };
        Assert.True(Stress(short1, Gap(1m)).IsBreached);
    }

    [Fact]
    public void Evaluate_ThreePercentGap_IsCriticalWithNegativeEquity()
    {
        var result = Stress(Example(), Gap(3m));
        Assert.Equal(-3600.00m, result.EquityAfter);
        Assert.Equal(AlertSeverity.Critical, result.Alert!.Severity);
        Assert.Contains(StressBreach.NegativeEquity, result.Breaches);
    }

    [Theory]
    [InlineData("EURUSD", "2")]
    [InlineData("USDJPY", "2")]
    [InlineData("USDCHF", "30")]
    [InlineData("CHFJPY", "30")]
    [InlineData("GBPUSD", "10")]
    [InlineData("EURGBP", "10")]
    [InlineData("XAUUSD", "5")]
    [InlineData("BTCUSD", null)]
    public void GapPercentFor_Defaults_FollowTheIssue(string symbol, string? expected)
    {
        Assert.True(Market.Standard.TryGet(symbol, out var spec));
        Assert.Equal(expected is null ? null : D(expected), WeekendSettings.Default.GapPercentFor(spec));
    }

    [Theory]
    [InlineData("EURMXN", InstrumentClass.ForexExotic, "3")]
    [InlineData("US30", InstrumentClass.Index, "5")]
    [InlineData("USOIL", InstrumentClass.Energy, "5")] // OtherPercent
    public void GapPercentFor_OtherClasses(string symbol, InstrumentClass instrumentClass, string expected)
    {
        var spec = Market.EurUsd with { Name = symbol, Class = instrumentClass };
        Assert.Equal(D(expected), WeekendSettings.Default.GapPercentFor(spec));
    }

    [Fact]
    public void Evaluate_ShortUsdJpy_GapsUpAndConvertsFromYen()
    {
        // 1 lot × 100,000 × 150.000 × 2% = 300,000 JPY = 2,000.00 USD at 150.000.
        var account = Market.Account(10_000m, Leverage.Of(500), margin: 200m, positions: new Position(7, "USDJPY", Side.Sell, 1m, 150m));
        var result = Stress(account, WeekendSettings.Default);
        Assert.Equal(2000.00m, Math.Round(result.Loss, 2));
        Assert.Equal(AlertSeverity.Warn, result.Severity);
        Assert.Equal(0.50m, result.LotsToClose); // 1,000 over the limit at 2,000 a lot
    }

    [Fact]
    public void Evaluate_HedgedPair_DoesNotLoseOnBothLegs()
    {
        var account = Market.Account(3_000m, Leverage.Of(2000), margin: 55m,
            positions: [new Position(1, "EURUSD", Side.Buy, 2m, 1.1m), new Position(2, "EURUSD", Side.Sell, 2m, 1.1m)]);
        var result = Stress(account, WeekendSettings.Default);
        Assert.Equal(0m, result.Loss);
        Assert.Null(result.Alert);
        Assert.Equal([4400m, -4400m], result.Positions.Select(p => p.Loss));
    }

    [Fact]
    public void Evaluate_TwoLosers_ClosesTheLargestFirst()
    {
        // At 1%: EURUSD 2 lots loses 2,200, GBPUSD 1 lot at 1.25 loses 1,250; limit 10% of 30,000 = 3,000.
        var account = Market.Account(30_000m, Leverage.Of(500), margin: 690m,
            positions: [new Position(1, "GBPUSD", Side.Buy, 1m, 1.25m), new Position(2, "EURUSD", Side.Buy, 2m, 1.1m)]);
        var result = Stress(account, Gap(1m));
        Assert.Equal(3450.00m, result.Loss);
        Assert.Equal([0m, 0.41m], result.Positions.Select(p => p.LotsToClose)); // 450 ÷ 1,100 = 0.409 → 0.41
        Assert.Equal(AlertSeverity.Warn, result.Severity);
    }

    [Fact]
    public void Evaluate_MarginCallOnly_ClosesUntilTheLevelHolds()
    {
        // Equity 3,000, margin 1,100 (2 lots at 1:200): a 1% gap loses 2,200 → 800 equity, a 72.73% margin level,
        // under the 100% margin call and over the 50% stop-out; a 90% loss limit isolates the margin call.
        var account = Market.Account(3_000m, Leverage.Of(200), margin: 1_100m, positions: new Position(3, "EURUSD", Side.Buy, 2m, 1.1m));
        var result = Stress(account, Gap(1m) with { MaxLossPercent = 90m });
        Assert.Equal("margin_call", string.Join(",", result.Breaches.Select(AlertText.Breach)));
        Assert.Equal(AlertSeverity.Warn, result.Severity);
        // 800 + 1,100x ≥ 1,100 − 550x (550 margin freed per lot at 1:200) → x ≥ 0.1818 → 0.19 lots.
        Assert.Equal(0.19m, result.LotsToClose);
    }

    [Fact]
    public void Evaluate_MoneyMode_ComparesEquityWithTheLevels()
    {
        var account = Example(StopOutMode.Money) with { MarginCallLevel = 1_000m, StopOutLevel = 500m };
        var result = Stress(account, Gap(1m) with { MaxLossPercent = 90m });
        Assert.Equal("margin_call", string.Join(",", result.Breaches.Select(AlertText.Breach)));
        Assert.Equal(0.19m, result.LotsToClose); // 800 + 1,100x ≥ 1,000 → 0.182 → 0.19
    }

    [Fact]
    public void Evaluate_GapAcrossATierBoundary_ChargesTheTierAfterTheGap()
    {
        // 5,200 equity at a 1:1000 tier (broker leverage follows the tiers), 2 lots EURUSD = 220. A 1% gap loses
        // 2,200: at 3,000 equity the tier is 1:2000, the positions cost 110, the level is 3,000 ÷ 110 = 2,727.27%
        // (the reported 220 would have said 1,363.64%).
        var account = Market.Account(5_200m, Leverage.Unlimited, margin: 220m, positions: new Position(1, "EURUSD", Side.Buy, 2m, 1.1m));
        var result = Stress(account, Gap(1m));
        Assert.Equal(110m, result.Margin);
        Assert.Equal("2727.27%", result.MarginLevelAfter.ToString());
    }

    [Fact]
    public void Evaluate_GapIntoNegativeEquityOnTheUnlimitedTier_ReadsZeroNotInfinite()
    {
        // 950 equity on the unlimited tier, 2 lots EURUSD. A 3% gap loses 6,600: equity -5,650 is still in the
        // unlimited tier, which charges no margin, so equity ÷ margin has no value; nothing is left, so 0.00%.
        var account = Market.Account(950m, Leverage.Unlimited, margin: 0m, positions: new Position(1, "EURUSD", Side.Buy, 2m, 1.1m));
        var result = Stress(account, Gap(3m));
        Assert.Equal(-5_650.00m, result.EquityAfter);
        Assert.Equal(0m, result.Margin);
        Assert.Equal("0.00%", result.MarginLevelAfter.ToString());
        Assert.Contains("leaving equity -5,650.00 USD at a margin level of 0.00%", result.Alert!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnderAClassCap_ChargesTheCapNotTheAccountLeverage()
    {
        // BTCUSD 1 lot at 60,000 on a 1:2000 account: the broker reports 30, but crypto is capped at 1:400, so the
        // model charges 150. A 1% gap loses 600: 900 ÷ 150 = 600% (900 ÷ 30 would have said 3,000%).
        var account = Market.Account(1_500m, Leverage.Of(2000), margin: 30m, positions: new Position(9, "BTCUSD", Side.Buy, 1m, 60_000m));
        var result = Stress(account, Gap(1m));
        Assert.Equal(600.00m, result.Loss);
        Assert.Equal(150m, result.Margin);
        Assert.Equal("600.00%", result.MarginLevelAfter.ToString());
    }

    [Fact]
    public void Evaluate_CryptoOnly_IsExempt()
    {
        var account = Market.Account(1_000m, Leverage.Of(400), margin: 150m, positions: new Position(9, "BTCUSD", Side.Buy, 1m, 60_000m));
        var result = Stress(account, WeekendSettings.Default);
        Assert.Null(result.Alert);
        Assert.Null(Assert.Single(result.Positions).GapPercent);
    }

    [Fact]
    public void WarningSchedule_FromFourHoursBeforeTheClose_EveryThirtyMinutesOrOnANewPosition()
    {
        var close = ServerClock.At("2026-11-20 23:59");
        var s = WeekendSettings.Default;
        Assert.False(WeekendWarningSchedule.IsDue(ServerClock.At("2026-11-20 19:58"), close, null, false, s));
        Assert.True(WeekendWarningSchedule.IsDue(ServerClock.At("2026-11-20 19:59"), close, null, false, s));
        Assert.False(WeekendWarningSchedule.IsDue(ServerClock.At("2026-11-20 20:28"), close, ServerClock.At("2026-11-20 19:59"), false, s));
        Assert.True(WeekendWarningSchedule.IsDue(ServerClock.At("2026-11-20 20:28"), close, ServerClock.At("2026-11-20 19:59"), true, s));
        Assert.True(WeekendWarningSchedule.IsDue(ServerClock.At("2026-11-20 20:29"), close, ServerClock.At("2026-11-20 19:59"), false, s));
        Assert.False(WeekendWarningSchedule.IsDue(close, close, null, true, s));
    }

    [Fact]
    public void WarningSchedule_NextClose_SkipsExemptSymbols()
    {
        var account = Market.Account(1_000m, positions: [new Position(9, "BTCUSD", Side.Buy, 1m, 60_000m), new Position(1, "EURUSD", Side.Buy, 1m, 1.1m)]);
        var close = WeekendWarningSchedule.NextClose(MarketCalendar.Default, account, Market.Standard, WeekendSettings.Default, ServerClock.At("2026-11-18 12:00"));
        Assert.Equal(ServerClock.At("2026-11-20 23:59"), close);
        var cryptoOnly = Market.Account(1_000m, positions: new Position(9, "BTCUSD", Side.Buy, 1m, 60_000m));
        Assert.Null(WeekendWarningSchedule.NextClose(MarketCalendar.Default, cryptoOnly, Market.Standard, WeekendSettings.Default, ServerClock.At("2026-11-18 12:00")));
    }

    [Theory]
    [InlineData("2026-11-20 23:28", null)]
    [InlineData("2026-11-20 23:29", "weekend_block")] // 30 minutes before the close
    [InlineData("2026-11-20 23:58", "weekend_block")]
    public void WeekendBlock_LastMinutesBeforeClose_RefusesNewExposure(string serverTime, string? expected)
    {
        var decision = Blocked(new OrderRequest("EURUSD", Side.Buy, 1m), Market.Account(10_000m), ServerClock.At(serverTime));
        Assert.Equal(expected, decision.Reasons.FirstOrDefault()?.Code);
        Assert.Equal(expected is null ? Verdict.Approve : Verdict.Reject, decision.Verdict);
    }

    [Fact]
    public void WeekendBlock_ReducingOrder_Passes()
    {
        var account = Market.Account(10_000m, positions: new Position(1, "EURUSD", Side.Buy, 1m, 1.1m));
        var t = ServerClock.At("2026-11-20 23:50");
        Assert.Equal(Verdict.Approve, Blocked(new OrderRequest("EURUSD", Side.Sell, 1m), account, t).Verdict);
        var decision = Blocked(new OrderRequest("EURUSD", Side.Sell, 1.5m), account, t);
        Assert.Equal((Verdict.Resize, 1m), (decision.Verdict, decision.Lots));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(1m, reason.MaxLots);
        Assert.Equal("new EURUSD positions are blocked in the last 30 minutes before the market closes at 2026-11-20 23:59 server time", reason.Message);
    }

    private static Decision Blocked(OrderRequest order, AccountState account, DateTime serverTime) =>
        new RiskEngine(Market.FlatPolicy(0m)).Evaluate(Market.Check(order, account) with
        {
            ServerTime = serverTime,
            Calendar = MarketCalendar.Default,
            BlockNewPositionsMinutes = 30,
        });
}
