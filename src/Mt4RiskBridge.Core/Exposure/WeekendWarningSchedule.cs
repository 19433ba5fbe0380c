namespace Mt4RiskBridge.Core;

/// <summary>
/// When the weekend stress is pushed: from <see cref="WeekendSettings.WarnBeforeCloseMinutes"/> before the close
/// until the close, every <see cref="WeekendSettings.RepeatMinutes"/>, and at once when a position was opened
/// since the last warning. All times are broker server time.
/// </summary>
public static class WeekendWarningSchedule
{
    public static bool IsInWarningPeriod(DateTime serverTime, DateTime? close, WeekendSettings settings) =>
        close is { } at && serverTime < at && serverTime >= at - TimeSpan.FromMinutes(settings.WarnBeforeCloseMinutes);

    public static bool IsDue(DateTime serverTime, DateTime? close, DateTime? lastSent, bool positionOpenedSinceLastSent, WeekendSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsInWarningPeriod(serverTime, close, settings)) return false;
        return positionOpenedSinceLastSent || RepeatGate.IsDue(serverTime, lastSent, settings.RepeatMinutes);
    }

    /// <summary>
    /// The earliest next close among the symbols the account holds, skipping symbols exempt from the stress;
    /// null when nothing held ever closes.
    /// </summary>
    public static DateTime? NextClose(MarketCalendar calendar, AccountState account, SymbolCatalog symbols, WeekendSettings settings, DateTime serverTime)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(settings);
        DateTime? earliest = null;
        foreach (var exposure in account.Portfolio.Symbols)
        {
            if (!symbols.TryGet(exposure.Symbol, out var spec) || settings.GapPercentFor(spec) is null) continue;
            if (calendar.NextClose(spec.Class, serverTime) is { } close && (earliest is null || close < earliest)) earliest = close;
        }
        return earliest;
    }
}
