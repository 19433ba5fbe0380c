using System.Globalization;

namespace Mt4RiskBridge.Core;

/// <summary>Every reason message, in one place, formatted with the invariant culture so they read the same on any machine.</summary>
public static class ReasonText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// A decimal as the pattern "0.##…" with <paramref name="places"/> #s writes it (rounded half away from zero, no
    /// trailing zeros), written without reading the pattern each time: the reasons of a resize write several.
    /// </summary>
    internal static DecimalFigure Figure(decimal value, int places) => new(value, places);

    internal readonly struct DecimalFigure(decimal value, int places) : ISpanFormattable
    {
        private string Pattern => "0." + new string('#', places);

        public string ToString(string? format, IFormatProvider? formatProvider) => value.ToString(Pattern, Invariant);

        public override string ToString() => ToString(null, Invariant);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            // Negative figures (never in a reason today) keep the pattern's own treatment of the sign.
            if (decimal.IsNegative(value)) return value.TryFormat(destination, out charsWritten, Pattern, Invariant);
            var rounded = value.Scale > places ? decimal.Round(value, places, MidpointRounding.AwayFromZero) : value;
            if (!rounded.TryFormat(destination, out charsWritten, default, Invariant)) return false;
            if (rounded.Scale == 0) return true;
            while (destination[charsWritten - 1] == '0') charsWritten--;
            if (destination[charsWritten - 1] == '.') charsWritten--;
            return true;
        }
    }

    public static string Lots(decimal lots) => lots.ToString("0.########", Invariant);

    public static string Money(decimal amount) => amount.ToString("#,0.00", Invariant);

    public static string Percent(decimal percent) => percent.ToString("0.##", Invariant) + "%";

    public static string LotCapOrder(decimal requested, decimal cap) =>
        string.Create(Invariant, $"{Figure(requested, 8)} lots is more than the per-order cap of {Figure(cap, 8)} lots");

    public static string LotCapSymbol(string symbol, decimal open, decimal cap) =>
        string.Create(Invariant, $"{symbol} has {Figure(open, 8)} lots open and its cap is {Figure(cap, 8)} lots");

    public static string LotCapTotal(string scope, decimal open, decimal cap) =>
        string.Create(Invariant, $"{scope} has {Figure(open, 8)} lots open and its total cap is {Figure(cap, 8)} lots");

    public static string MaxPositions(string scope, int open, int cap) =>
        $"{scope} has {open} positions open, the most allowed is {cap}";

    public static string MarginFloor(decimal requested, MarginLevel after, decimal floor) =>
        string.Create(Invariant, $"{Figure(requested, 8)} lots would take the margin level to {after}, below the {Figure(floor, 2)}% floor");

    public static string TierCrossing(decimal boundary, string currency, Leverage leverage, decimal requested, MarginLevel after, decimal floor) =>
        string.Create(Invariant, $"at {boundary:N2} {currency} equity the leverage becomes {leverage} and {Figure(requested, 8)} lots would leave a margin level of {after}, below the {Figure(floor, 2)}% floor");

    public static string RiskPerTrade(decimal requested, decimal loss, decimal budget, string currency, decimal percent) =>
        string.Create(Invariant, $"{Figure(requested, 8)} lots would lose {loss:N2} {currency} at the stop, more than {Figure(percent, 2)}% of equity ({budget:N2} {currency})");

    public static string SizeWithoutStop() => "a size is worked out from the stop loss, and the request has none";

    public static string RiskPercentOutOfRange(decimal percent) =>
        string.Create(Invariant, $"the risk must be more than 0% and at most 100% of equity, got {Figure(percent, 8)}%");

    public static string NoStopLoss() => "a stop loss is required and the order has none";

    public static string EffectiveLeverage(decimal requested, decimal after, decimal max) =>
        string.Create(Invariant, $"{Figure(requested, 8)} lots would raise effective leverage to {Figure(after, 2)}x, above the {Figure(max, 2)}x limit");

    public static string EffectiveLeverageProfile(decimal requested, decimal after, decimal max, ExperienceProfile profile) =>
        string.Create(Invariant, $"{Figure(requested, 8)} lots would raise effective leverage to {Figure(after, 2)}x, above the {Figure(max, 2)}x cap of the {ExperienceProfiles.Name(profile)} profile");

    public static string UnknownSymbol(string symbol) =>
        $"no symbol specification for {symbol} has been received";

    public static string NoQuote(string symbol) => $"no usable quote for {symbol}";

    public static string NoConversion(string from, string to) => $"no conversion rate for {from}→{to}";

    public static string StaleAccount(TimeSpan age, TimeSpan limit) =>
        $"account state is {age.TotalSeconds.ToString("0.#", Invariant)} s old, older than the {limit.TotalSeconds.ToString("0.#", Invariant)} s limit";

    public static string AgedOnAClockThatWentBack(string what, TimeSpan age) =>
        $"{what} is dated {(-age.TotalSeconds).ToString("0.#", Invariant)} s after now: the clock went back since it arrived, so its age is unknown and it counts as stale";

    public static string StaleQuote(string symbol, TimeSpan age, TimeSpan limit) =>
        $"the {symbol} quote is {age.TotalSeconds.ToString("0.#", Invariant)} s old, older than the {limit.TotalSeconds.ToString("0.#", Invariant)} s limit";

    public static string InvalidOrder(string problem) => problem;

    public static string BelowMinLot(decimal lots, decimal minLot) =>
        $"{Lots(lots)} lots is below the symbol's minimum of {Lots(minLot)} lots";

    public static string LotStep(decimal requested, decimal step, decimal rounded) =>
        $"{Lots(requested)} lots is not a multiple of the lot step {Lots(step)}; rounded down to {Lots(rounded)}";

    public static string MaxLot(decimal requested, decimal maxLot) =>
        $"{Lots(requested)} lots is more than the symbol's maximum of {Lots(maxLot)} lots";

    public static string WeekendBlock(string symbol, int minutes, DateTime close) =>
        $"new {symbol} positions are blocked in the last {minutes} minutes before the market closes at {close.ToString("yyyy-MM-dd HH:mm", Invariant)} server time";

    public static string TradingReducing(string why) =>
        $"trading is reduce-only ({why}); only orders that reduce exposure are approved";

    public static string TradingHalted(string why) => $"trading is halted ({why}); opening orders are rejected";

    public static string RateLimit(int count, int max) =>
        $"{count} checks in one second is more than the limit of {max} per second";

    public static string EngineError() => "the risk engine failed on this order; it is rejected and the failure is logged";

    public static string UnknownState(string what) =>
        $"the account's {what} {(what.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} not known (no account, positions or server time reported yet); only orders that reduce exposure are approved";

    /// <summary>
    /// A window in force. It binds when its cap is below the leverage the new lots would get without it; when the
    /// leverage in force is already lower (a preset, a class cap, the tier) or the symbol's margin does not use
    /// leverage, saying "judged at that leverage" would be false.
    /// </summary>
    public static string Window(string code, Leverage cap, Leverage withoutWindow, bool usesLeverage, decimal lots)
    {
        var window = code == ReasonCode.NewsWindow ? "a high-impact news window" : "the weekend window";
        if (!usesLeverage)
            return string.Create(Invariant, $"{window} caps new positions at {cap}; this symbol's margin does not use leverage, {Figure(lots, 2)} lots allowed");
        return cap < withoutWindow
            ? string.Create(Invariant, $"{window} caps new positions at {cap}; judged at that leverage, {Figure(lots, 2)} lots allowed")
            : string.Create(Invariant, $"{window} caps new positions at {cap}; the leverage in force, {withoutWindow}, is already lower, {Figure(lots, 2)} lots allowed");
    }

    public static string ImplausibleContract(string symbol, MarginCalcMode mode, string problem) =>
        $"the {symbol} specification is implausible for calc mode {mode}: {problem}";

    public static string LotsNotPositive(decimal lots) => $"lots must be positive, got {Lots(lots)}";

    public static string PriceNotPositive(decimal price) => string.Create(Invariant, $"price must be positive, got {price}");

    public static string NegativeStop(string what, decimal price) => string.Create(Invariant, $"{what} cannot be negative, got {price}");

    public static string PendingWithoutPrice(OrderType type) => $"a {type.ToString().ToLowerInvariant()} order needs a price";

    public static string UnusableContract(SymbolSpec spec) =>
        string.Create(Invariant, $"the {spec.Name} specification is unusable (lot step {spec.LotStep}, tick size {spec.TickSize}, contract size {spec.ContractSize})");

    public static string StopWrongSide(string what, decimal price, bool buy, decimal entry) =>
        string.Create(Invariant, $"{what} {price} is on the wrong side of the {(buy ? "buy" : "sell")} entry {entry}");

    public static string StopTooClose(string what, decimal price, decimal entry, int stopLevel) =>
        string.Create(Invariant, $"{what} {price} is closer to the entry {entry} than the symbol's stop level of {stopLevel} points");

    public static string ContractSizeOutOfRange(decimal size, decimal min, decimal max) =>
        string.Create(Invariant, $"contract size {size} is outside {min}–{max}");

    public static string TickValueNotPositive(decimal tickValue) => string.Create(Invariant, $"tick value {tickValue} must be positive");

    public static string LotRangeImplausible(decimal minLot, decimal maxLot, decimal most) =>
        string.Create(Invariant, $"lots {minLot}–{maxLot} must be positive, in order and at most {most}");

    public static string HedgedMarginOutOfRange(decimal hedged, decimal contractSize) =>
        string.Create(Invariant, $"hedged margin {hedged} is outside 0–{contractSize} (the contract size)");

    public static string FuturesWithoutMargin(decimal marginInitial) =>
        string.Create(Invariant, $"a futures contract needs a positive initial margin or broker margin per lot, not {marginInitial}");

    public static string NegativeMargin() => "margin figures cannot be negative";
}
