using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class TradingStateTests
{
    private static readonly DateOnly Day = new(2026, 11, 18);
    private static readonly DateTime Noon = ServerClock.At("2026-11-18 12:00");

    private static readonly LimitsSettings Limits = new() { DailyLossPercent = 5m, MaxDrawdownPercent = 10m };

    [Theory]
    // start of day, peak, equity, state
    [InlineData(10_000, 10_000, 10_000, TradingState.Active)]
    [InlineData(10_000, 10_000, 9_500.01, TradingState.Active)]
    [InlineData(10_000, 10_000, 9_500, TradingState.Reducing)] // 5% daily loss reached
    [InlineData(10_000, 12_000, 10_800.01, TradingState.Active)]
    [InlineData(11_000, 12_000, 10_800, TradingState.Reducing)] // 10% from the peak (daily loss only 1.82%)
    [InlineData(10_000, 10_000, 12_000, TradingState.Active)]
    public void Evaluate_SameDay_ReducingAtTheLimits(decimal startOfDay, decimal peak, decimal equity, TradingState expected)
    {
        var result = TradingStateEvaluator.Evaluate(new EquityMarks(Day, startOfDay, peak), equity, Noon, Limits);
        Assert.Equal(expected, result.State);
        Assert.False(result.DayRolledOver);
    }

    [Fact]
    public void Evaluate_LimitsOff_NeverReduces()
    {
        var result = TradingStateEvaluator.Evaluate(new EquityMarks(Day, 10_000m, 20_000m), 1_000m, Noon, LimitsSettings.Default);
        Assert.Equal(TradingState.Active, result.State);
        Assert.Equal(90m, result.DailyLossPercent);
        Assert.Equal(95m, result.DrawdownPercent);
    }

    [Fact]
    public void Evaluate_DailyLossReached_HoldsForTheRestOfTheDayThenClears()
    {
        var hit = TradingStateEvaluator.Evaluate(new EquityMarks(Day, 10_000m, 10_000m), 9_400m, Noon, Limits);
        Assert.True(hit.Marks.DailyLossReached);
        Assert.True(hit.MarksChanged);

        var recovered = TradingStateEvaluator.Evaluate(hit.Marks, 9_900m, ServerClock.At("2026-11-18 23:59:59"), Limits);
        Assert.Equal(TradingState.Reducing, recovered.State);

        var nextDay = TradingStateEvaluator.Evaluate(recovered.Marks, 9_900m, ServerClock.At("2026-11-19 00:00"), Limits);
        Assert.Equal(TradingState.Active, nextDay.State);
        Assert.True(nextDay.DayRolledOver);
        Assert.Equal(new EquityMarks(new DateOnly(2026, 11, 19), 9_900m, 10_000m), nextDay.Marks);
    }

    [Fact]
    public void Evaluate_ServerTimeGoingBack_NeverResetsTheDay()
    {
        var hit = TradingStateEvaluator.Evaluate(new EquityMarks(Day, 10_000m, 10_000m), 9_400m, Noon, Limits);
        Assert.True(hit.Marks.DailyLossReached);

        // The terminal's clock jumps back a day, then a week: the day, its start and the loss reached all stay.
        foreach (var back in new[] { "2026-11-17 12:00", "2026-11-11 00:00" })
        {
            var result = TradingStateEvaluator.Evaluate(hit.Marks, 9_400m, ServerClock.At(back), Limits);
            Assert.Equal(TradingState.Reducing, result.State);
            Assert.False(result.DayRolledOver);
            Assert.Equal(hit.Marks, result.Marks);
        }
        // Forward again to the same day: still the same day, still reducing.
        Assert.Equal(TradingState.Reducing, TradingStateEvaluator.Evaluate(hit.Marks, 9_400m, Noon.AddHours(1), Limits).State);
    }

    [Fact]
    public void Evaluate_Rollover_KeepsThePeakAndStartsTheDayAtCurrentEquity()
    {
        var stored = new EquityMarks(Day, 10_000m, 12_000m);
        var result = TradingStateEvaluator.Evaluate(stored, 11_500m, ServerClock.At("2026-11-19 00:00:01"), Limits);
        Assert.Equal(new EquityMarks(new DateOnly(2026, 11, 19), 11_500m, 12_000m), result.Marks);
        Assert.True(result.MarksChanged);
    }

    [Fact]
    public void Evaluate_NoStoredMarks_StartsFromCurrentEquity()
    {
        var result = TradingStateEvaluator.Evaluate(null, 5_000m, Noon, Limits);
        Assert.Equal(new EquityMarks(Day, 5_000m, 5_000m), result.Marks);
        Assert.True(result.DayRolledOver);
        Assert.Equal(TradingState.Active, result.State);
    }

    [Fact]
    public void Evaluate_NewPeak_IsStoredAndUnchangedMarksAreNot()
    {
        var stored = new EquityMarks(Day, 10_000m, 10_000m);
        Assert.Equal(10_500m, TradingStateEvaluator.Evaluate(stored, 10_500m, Noon, Limits).Marks.PeakEquity);
        Assert.False(TradingStateEvaluator.Evaluate(stored, 9_900m, Noon, Limits).MarksChanged);
    }

    [Fact]
    public void Evaluate_RestartWithStoredMarks_GivesTheSameState()
    {
        // The host stores Marks; after a restart the same marks and equity give the same answer.
        var before = TradingStateEvaluator.Evaluate(new EquityMarks(Day, 10_000m, 10_000m), 9_400m, Noon, Limits);
        var stored = before.Marks with { };
        var after = TradingStateEvaluator.Evaluate(stored, 9_800m, Noon.AddHours(1), Limits);
        Assert.Equal(TradingState.Reducing, after.State);
    }

    [Theory]
    [InlineData(true, false, "halted by setting")]
    [InlineData(false, true, "halted by operator")]
    public void Evaluate_Halted_WinsOverEverything(bool bySetting, bool byOperator, string why)
    {
        var result = TradingStateEvaluator.Evaluate(new EquityMarks(Day, 10_000m, 10_000m), 9_000m, Noon, Limits with { Halted = bySetting }, byOperator);
        Assert.Equal(TradingState.Halted, result.State);
        Assert.Equal(why, result.Why);
    }

    [Fact]
    public void Evaluate_StateChange_RaisesAnAlert()
    {
        var stored = new EquityMarks(Day, 10_000m, 10_000m);
        var result = TradingStateEvaluator.Evaluate(stored, 9_480m, Noon, Limits, previousState: TradingState.Active);
        Assert.Equal(AlertSeverity.Warn, result.Alert!.Severity);
        Assert.Equal(
            "trading state ACTIVE → REDUCING: the day's loss of 5.20% from the start-of-day equity of 10,000.00 reached the 5% daily limit",
            result.Alert.Message);
        Assert.Equal("REDUCING", result.Alert.Details["state"]);
        Assert.Null(TradingStateEvaluator.Evaluate(stored, 9_480m, Noon, Limits, previousState: TradingState.Reducing).Alert);
    }

    [Fact]
    public void Gate_Reducing_LetsOnlyReducingLotsThrough()
    {
        var account = Market.Account(10_000m, positions: new Position(1, "EURUSD", Side.Buy, 1m, 1.1m));
        Decision Judge(Side side, decimal lots) => Gated(TradingState.Reducing, "x", new OrderRequest("EURUSD", side, lots), account);

        var close = Judge(Side.Sell, 1m);
        Assert.Equal(Verdict.Approve, close.Verdict);
        Assert.Empty(close.Reasons);
        var more = Judge(Side.Buy, 0.1m);
        Assert.Equal(Verdict.Reject, more.Verdict);
        Assert.Equal(ReasonCode.TradingReducing, more.Reasons[0].Code);
        Assert.Equal(0m, more.Reasons[0].MaxLots);
        Assert.Equal("trading is reduce-only (x); only orders that reduce exposure are approved", more.Reasons[0].Message);
        var flip = Judge(Side.Sell, 2m);
        Assert.Equal((Verdict.Resize, 1m), (flip.Verdict, flip.Lots));
        Assert.Equal([ReasonCode.TradingReducing], flip.Reasons.Select(r => r.Code));
        Assert.Equal(1m, flip.Reasons[0].MaxLots);
    }

    [Fact]
    public void Gate_HaltedRejectsEverythingAndActivePasses()
    {
        var order = new OrderRequest("EURUSD", Side.Buy, 0.1m);
        var account = Market.Account(10_000m);
        var halted = Gated(TradingState.Halted, "halted by operator", order, account);
        Assert.Equal((Verdict.Reject, 0m), (halted.Verdict, halted.Lots));
        Assert.Equal(ReasonCode.TradingHalted, halted.Reasons[0].Code);
        Assert.Equal("trading is halted (halted by operator); opening orders are rejected", halted.Reasons[0].Message);
        Assert.Equal(Verdict.Approve, Gated(TradingState.Active, "", order, account).Verdict);
    }

    [Fact]
    public void RateLimit_TwentyPerSecond_RefusesTheTwentyFirst()
    {
        RateWindow? window = null;
        var start = Market.Now;
        for (var i = 0; i < 20; i++)
        {
            Assert.False(OrderRateLimit.Count(window, start.AddMilliseconds(i * 10), 20, out var next).Exceeded);
            window = next;
        }
        var refused = OrderRateLimit.Count(window, start.AddMilliseconds(999), 20, out window);
        Assert.Equal(new OrderRate(21, 20), refused);
        var decision = new RiskEngine(Market.FlatPolicy(0m)).Evaluate(Market.Check(new OrderRequest("EURUSD", Side.Buy, 0.1m), Market.Account(10_000m)) with { Rate = refused });
        Assert.Equal((Verdict.Reject, 0m), (decision.Verdict, decision.Lots));
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.RateLimit, reason.Code);
        Assert.Equal("21 checks in one second is more than the limit of 20 per second", reason.Message);
        Assert.False(OrderRateLimit.Count(window, start.AddSeconds(1), 20, out window).Exceeded);
        Assert.Equal(1, window.Count);
    }

    private static Decision Gated(TradingState state, string why, OrderRequest order, AccountState account) =>
        new RiskEngine(Market.FlatPolicy(0m)).Evaluate(Market.Check(order, account) with { TradingState = state, TradingWhy = why });
}
