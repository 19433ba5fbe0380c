using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Web;

/// <summary>
/// What applies for a key the settings leave unset where the options class has no value of its own (the default
/// lives in the engine's settings records), so the settings page shows the value in force rather than a blank.
/// </summary>
internal static class SettingDefaults
{
    private static readonly Dictionary<string, Func<RiskPolicy, string>> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Risk:LeverageTiers"] = policy => string.Join(" ", policy.Tiers.Tiers.Select(t => Text($"{t.MinEquity:0.##}:{t.Leverage}"))) + " (built-in)",
        ["Weekend:WarnBeforeCloseMinutes"] = _ => Number(WeekendSettings.Default.WarnBeforeCloseMinutes),
        ["Weekend:RepeatMinutes"] = _ => Number(WeekendSettings.Default.RepeatMinutes),
        ["Weekend:MaxLossPercent"] = _ => Number(WeekendSettings.Default.MaxLossPercent),
        ["Weekend:BlockNewPositionsMinutes"] = _ => Number(WeekendSettings.Default.BlockNewPositionsMinutes),
        ["Weekend:OtherPercent"] = _ => Number(WeekendSettings.Default.OtherPercent),
        ["Weekend:StressSizes"] = _ => "built-in list (docs/warnings.md)",
        ["Windows:WeekendBeforeCloseMinutes"] = _ => Number(WindowSettings.Default.WeekendBeforeCloseMinutes),
        ["Windows:WeekendAfterOpenMinutes"] = _ => Number(WindowSettings.Default.WeekendAfterOpenMinutes),
        ["Windows:NewsBeforeMinutes"] = _ => Number(WindowSettings.Default.NewsBeforeMinutes),
        ["Windows:NewsAfterMinutes"] = _ => Number(WindowSettings.Default.NewsAfterMinutes),
        ["Windows:WeekendExemptClasses"] = _ => string.Join(", ", WindowSettings.Default.WeekendExemptClasses),
        ["Windows:Caps"] = _ => "built-in list (docs/warnings.md)",
        ["Calendar:AlwaysOpenClasses"] = _ => string.Join(", ", CalendarSettings.DefaultSessions.Keys.Order()),
        ["Alerts:MarginLevelWarnPercent"] = _ => "150% of the broker's margin-call level",
        ["Alerts:RepeatMinutes"] = _ => Number(AlertSettings.Default.RepeatMinutes),
        ["Eligibility:MinClosedTrades"] = _ => Number(EligibilitySettings.Default.MinClosedTrades),
        ["Eligibility:MinClosedLots"] = _ => Number(EligibilitySettings.Default.MinClosedLots),
        ["Eligibility:MaxEquity"] = _ => Number(EligibilitySettings.Default.MaxEquity),
        ["Risk:LotCaps:MaxLotsPerOrder"] = _ => "0 (off)",
        ["Risk:LotCaps:MaxLotsPerSymbol"] = _ => "0 (off)",
        ["Risk:LotCaps:MaxLotsTotal"] = _ => "0 (off)",
        ["Risk:LotCaps:MaxOpenPositions"] = _ => "0 (off)",
    };

    /// <summary>The value in force for an unset <paramref name="key"/>, or null when "unset" is itself the value (no token).</summary>
    public static string? For(string key, RiskPolicy policy) => Values.TryGetValue(key, out var value) ? value(policy) : null;

    private static string Number(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
