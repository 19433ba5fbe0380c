namespace Mt4RiskBridge.Core;

/// <summary>
/// Works out ACTIVE / REDUCING / HALTED from stored equity marks and the current equity. A new day starts at
/// server-time midnight: the first evaluation of the day takes the equity then as the start of day. Reaching the
/// daily loss limit holds REDUCING until the next day; drawdown from the peak holds it only while it lasts.
/// HALTED (by setting or operator) wins over both.
/// </summary>
public static class TradingStateEvaluator
{
    public static TradingStateResult Evaluate(
        EquityMarks? stored,
        decimal equity,
        DateTime serverTime,
        LimitsSettings settings,
        bool operatorHalted = false,
        TradingState? previousState = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var today = DateOnly.FromDateTime(serverTime);
        // Days only roll forward: a server time that goes back (a terminal's clock, a bad tick) keeps the day it had,
        // so its start-of-day equity, and a daily loss already reached, cannot be reset by going back and forth.
        var rolled = stored is null || today > stored.Day;
        var marks = rolled
            ? new EquityMarks(today, equity, Math.Max(stored?.PeakEquity ?? equity, equity))
            : stored! with { PeakEquity = Math.Max(stored.PeakEquity, equity) };

        var dailyLoss = Percent(marks.StartOfDayEquity - equity, marks.StartOfDayEquity);
        var drawdown = Percent(marks.PeakEquity - equity, marks.PeakEquity);
        if (settings.DailyLossPercent > 0m && dailyLoss >= settings.DailyLossPercent)
            marks = marks with { DailyLossReached = true };

        TradingState state;
        string why;
        if (settings.Halted || operatorHalted)
        {
            state = TradingState.Halted;
            why = settings.Halted ? "halted by setting" : "halted by operator";
        }
        else if (marks.DailyLossReached)
        {
            state = TradingState.Reducing;
            why = AlertText.DailyLoss(dailyLoss, settings.DailyLossPercent, marks.StartOfDayEquity);
        }
        else if (settings.MaxDrawdownPercent > 0m && drawdown >= settings.MaxDrawdownPercent)
        {
            state = TradingState.Reducing;
            why = AlertText.Drawdown(drawdown, settings.MaxDrawdownPercent, marks.PeakEquity);
        }
        else
        {
            state = TradingState.Active;
            why = "within limits";
        }

        Alert? alert = null;
        if (previousState is { } previous && previous != state)
        {
            var severity = state switch
            {
                TradingState.Halted => AlertSeverity.Critical,
                TradingState.Reducing => AlertSeverity.Warn,
                _ => AlertSeverity.Info,
            };
            var details = new AlertDetails()
                .Add("state", Name(state))
                .Add("previousState", Name(previous))
                .Add("why", why)
                .Add("equity", equity)
                .Add("startOfDayEquity", marks.StartOfDayEquity)
                .Add("peakEquity", marks.PeakEquity)
                .Add("dailyLossPercent", Math.Round(dailyLoss, 2))
                .Add("drawdownPercent", Math.Round(drawdown, 2))
                .Add("dailyLossLimitPercent", settings.DailyLossPercent)
                .Add("maxDrawdownPercent", settings.MaxDrawdownPercent)
                .Build();
            alert = new Alert(AlertCode.TradingState, severity, AlertText.TradingState(Name(previous), Name(state), why), details);
        }
        return new TradingStateResult(state, why, marks, rolled, marks != stored, dailyLoss, drawdown, alert);
    }

    /// <summary>The state as the protocol spells it: ACTIVE, REDUCING, HALTED.</summary>
    public static string Name(TradingState state) => state switch
    {
        TradingState.Reducing => "REDUCING",
        TradingState.Halted => "HALTED",
        _ => "ACTIVE",
    };

    private static decimal Percent(decimal part, decimal whole) => whole > 0m ? Math.Max(0m, part / whole * 100m) : 0m;
}
