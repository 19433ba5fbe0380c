using System.Collections.Immutable;
using System.Globalization;

namespace Mt4RiskBridge.Core;

/// <summary>Every pushed warning's message, in one place, formatted with the invariant culture.</summary>
public static class AlertText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Money(decimal amount) => ReasonText.Money(amount);

    private static string Lots(decimal lots) => ReasonText.Lots(lots);

    private static string Percent(decimal percent) => ReasonText.Percent(percent);

    private static string Level(decimal percent) => percent.ToString("0.00", Invariant) + "%";

    /// <summary>The stable name of a breached stress limit, as in the alert details.</summary>
    public static string Breach(StressBreach breach) => breach switch
    {
        StressBreach.LossLimit => "loss_limit",
        StressBreach.MarginCall => "margin_call",
        StressBreach.StopOut => "stop_out",
        _ => "negative_equity",
    };

    public static string MarginCallRisk(AccountState account, decimal threshold, bool money) => money
        ? $"equity {Money(account.Equity)} {account.Currency} is under the {Money(threshold)} {account.Currency} warning level (margin call at {Money(account.MarginCallLevel)}, stop-out at {Money(account.StopOutLevel)})"
        : $"margin level {account.MarginLevel} is under the {Percent(threshold)} warning level (margin call at {Percent(account.MarginCallLevel)}, stop-out at {Percent(account.StopOutLevel)})";

    public static string WeekendExposure(
        AccountState account,
        decimal maxLossPercent,
        decimal loss,
        decimal equityAfter,
        MarginLevel levelAfter,
        ImmutableArray<StressBreach> breaches,
        ImmutableArray<PositionStress> positions,
        bool restores)
    {
        var ccy = account.Currency;
        var money = account.StopOutMode == StopOutMode.Money;
        var stressed = positions.Where(p => p.GapPercent is not null)
            .Select(p => p.Priced
                ? $"#{p.Ticket} {p.Symbol} {Side(p.Side)} {Lots(p.Lots)} lots, {Percent(p.GapPercent!.Value)} gap: {Money(p.Loss)}"
                : $"#{p.Ticket} {p.Symbol}: no price to stress");
        var broken = breaches.Select(b => b switch
        {
            StressBreach.LossLimit => $"more than {Percent(maxLossPercent)} of equity ({Money(Math.Max(0m, account.Equity) * maxLossPercent / 100m)} {ccy})",
            StressBreach.MarginCall => money ? $"equity below the margin call level of {Money(account.MarginCallLevel)} {ccy}" : $"below the margin call level of {Percent(account.MarginCallLevel)}",
            StressBreach.StopOut => money ? $"equity below the stop-out level of {Money(account.StopOutLevel)} {ccy}" : $"below the stop-out level of {Percent(account.StopOutLevel)}",
            _ => "equity below zero",
        });
        var closing = positions.Where(p => p.LotsToClose > 0m).ToList();
        var total = closing.Sum(p => p.LotsToClose);
        var list = string.Join(", ", closing.Select(p => $"#{p.Ticket} {p.Symbol} {Lots(p.LotsToClose)}"));
        var advice = restores
            ? $"close {Lots(total)} lots ({list}) to get back inside every limit"
            : $"closing {Lots(total)} lots ({list}) would still not get back inside every limit";
        return $"a weekend gap would lose {Money(loss)} {ccy} ({string.Join("; ", stressed)}), leaving equity {Money(equityAfter)} {ccy} at a margin level of {levelAfter}: {string.Join(", ", broken)}; {advice}";
    }

    public static string TierChange(AccountState account, decimal previousEquity, decimal boundary, bool rising, Leverage oldLeverage, Leverage newLeverage, MarginLevel level, decimal floor) =>
        $"equity {(rising ? "rose" : "fell")} from {Money(previousEquity)} to {Money(account.Equity)} {account.Currency}, {(rising ? "reaching" : "below")} the {Money(boundary)} {account.Currency} tier: leverage {oldLeverage} → {newLeverage}; margin level at the new leverage {level}"
        + (floor > 0m ? (level.IsBelow(floor) ? $", below the {Percent(floor)} floor" : $" (floor {Percent(floor)})") : "");

    public static string Eligibility(bool eligible, int closedTrades, decimal closedLots, decimal equity, string currency, EligibilitySettings settings) =>
        $"the account {(eligible ? "meets" : "does not meet")} the unlimited-leverage conditions: "
        + $"{closedTrades} closed trades (at least {settings.MinClosedTrades} needed), "
        + $"{Lots(closedLots)} closed lots (at least {Lots(settings.MinClosedLots)} needed), "
        + $"equity {Money(equity)} {currency} (under {Money(settings.MaxEquity)} needed)";

    public static string PostTradeViolation(Position position, ImmutableArray<PostTradeViolation> violations, CloseInstruction? instruction) =>
        $"position #{position.Ticket} {position.Symbol} {Side(position.Side)} {Lots(position.Lots)} lots breaks "
        + string.Join("; ", violations.Select(v => $"{v.Rule} ({v.Message})"))
        + (instruction is null ? "" : $"; closing {Lots(instruction.Lots)} lots");

    public static string DailyLoss(decimal lossPercent, decimal limitPercent, decimal startOfDay) =>
        $"the day's loss of {Level(lossPercent)} from the start-of-day equity of {Money(startOfDay)} reached the {Percent(limitPercent)} daily limit";

    public static string Drawdown(decimal drawdownPercent, decimal limitPercent, decimal peak) =>
        $"the drawdown of {Level(drawdownPercent)} from the peak equity of {Money(peak)} reached the {Percent(limitPercent)} limit";

    public static string TradingState(string previous, string state, string why) => $"trading state {previous} → {state}: {why}";

    private static string Side(Side side) => side == Core.Side.Buy ? "buy" : "sell";
}
