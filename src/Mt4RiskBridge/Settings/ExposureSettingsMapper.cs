using System.Collections.Immutable;
using System.Globalization;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Turns the bound <c>Calendar</c>, <c>Windows</c>, <c>Weekend</c>, <c>Alerts</c>, <c>Limits</c>, <c>Enforcement</c>
/// and <c>Eligibility</c> sections into <see cref="ExposureSettings"/>, listing every problem with its key.
/// </summary>
public static class ExposureSettingsMapper
{
    /// <summary>
    /// Maps the bound sections; a relative news file is inside <paramref name="contentRoot"/> (beside the settings),
    /// a relative state file inside <paramref name="dataDirectory"/>.
    /// </summary>
    public static bool TryMap(ExposureOptions options, string contentRoot, string dataDirectory, out ExposureSettings? settings, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var calendar = MapCalendar(options.Calendar, problems);
        var windows = MapWindows(options.Windows, problems);
        var weekend = MapWeekend(options.Weekend, problems);
        var alerts = MapAlerts(options.Alerts);
        var limits = MapLimits(options.Limits);
        var enforcement = MapEnforcement(options.Enforcement, problems);
        var eligibility = MapEligibility(options.Eligibility);
        problems.AddRange(calendar.Validate());
        problems.AddRange(windows.Validate());
        problems.AddRange(weekend.Validate());
        problems.AddRange(alerts.Validate());
        problems.AddRange(LimitsProblems(options.Limits, limits));
        problems.AddRange(eligibility.Validate().Select(e => "Eligibility:" + e));

        settings = problems.Count > 0 ? null : new ExposureSettings
        {
            Calendar = calendar,
            Windows = windows,
            Weekend = weekend,
            Alerts = alerts,
            Limits = limits,
            Enforcement = enforcement!,
            Eligibility = eligibility,
            NewsFile = string.IsNullOrWhiteSpace(options.Calendar.NewsFile) ? null : Path.Combine(contentRoot, options.Calendar.NewsFile),
            ServerUtcOffset = options.Calendar.ServerUtcOffsetHours is { } hours ? TimeSpan.FromHours(hours) : null,
            StatePath = Path.Combine(dataDirectory, options.Limits.StatePath),
        };
        errors = problems;
        return settings is not null;
    }

    // One check per section, each the same mapping TryMap does, so the start-up check and TryMap cannot disagree.
    public static IReadOnlyList<string> CheckCalendar(CalendarOptions options) => Collect(p => MapCalendar(options, p).Validate());

    public static IReadOnlyList<string> CheckWindows(WindowsOptions options) => Collect(p => MapWindows(options, p).Validate());

    public static IReadOnlyList<string> CheckWeekend(WeekendOptions options) => Collect(p => MapWeekend(options, p).Validate());

    public static IReadOnlyList<string> CheckAlerts(AlertsOptions options) => Collect(_ => MapAlerts(options).Validate());

    public static IReadOnlyList<string> CheckLimits(LimitsOptions options) => Collect(_ => LimitsProblems(options, MapLimits(options)));

    public static IReadOnlyList<string> CheckEnforcement(EnforcementOptions options) => Collect(p =>
    {
        MapEnforcement(options, p);
        return [];
    });

    public static IReadOnlyList<string> CheckEligibility(EligibilityOptions options) =>
        Collect(_ => MapEligibility(options).Validate().Select(e => "Eligibility:" + e));

    private static List<string> Collect(Func<List<string>, IEnumerable<string>> map)
    {
        var problems = new List<string>();
        var more = map(problems).ToList();
        problems.AddRange(more);
        return problems;
    }

    private static AlertSettings MapAlerts(AlertsOptions options) => new()
    {
        MarginLevelWarnPercent = options.MarginLevelWarnPercent,
        RepeatMinutes = options.RepeatMinutes ?? AlertSettings.Default.RepeatMinutes,
    };

    private static LimitsSettings MapLimits(LimitsOptions options) => new()
    {
        DailyLossPercent = options.DailyLossPercent,
        MaxDrawdownPercent = options.MaxDrawdownPercent,
        Halted = options.Halted,
        MaxChecksPerSecond = options.MaxChecksPerSecond,
    };

    private static IEnumerable<string> LimitsProblems(LimitsOptions options, LimitsSettings limits)
    {
        foreach (var problem in limits.Validate()) yield return problem;
        if (string.IsNullOrWhiteSpace(options.StatePath)) yield return "Limits:StatePath must name a file";
    }

    private static EnforcementSettings? MapEnforcement(EnforcementOptions options, List<string> problems) =>
        options.Mode?.Trim().ToUpperInvariant() switch
        {
            "WARN" => new EnforcementSettings { Mode = EnforcementMode.Warn },
            "REDUCE" => new EnforcementSettings { Mode = EnforcementMode.Reduce },
            _ => Fail<EnforcementSettings>(problems, $"Enforcement:Mode must be warn or reduce, not \"{options.Mode}\""),
        };

    private static EligibilitySettings MapEligibility(EligibilityOptions options) => new()
    {
        MinClosedTrades = options.MinClosedTrades ?? EligibilitySettings.Default.MinClosedTrades,
        MinClosedLots = options.MinClosedLots ?? EligibilitySettings.Default.MinClosedLots,
        MaxEquity = options.MaxEquity ?? EligibilitySettings.Default.MaxEquity,
    };

    private static CalendarSettings MapCalendar(CalendarOptions options, List<string> problems)
    {
        var session = new WeeklySession
        {
            CloseDay = Day(options.CloseDay, "Calendar:CloseDay", problems),
            CloseTime = Time(options.CloseTime, "Calendar:CloseTime", problems),
            OpenDay = Day(options.OpenDay, "Calendar:OpenDay", problems),
            OpenTime = Time(options.OpenTime, "Calendar:OpenTime", problems),
        };
        var sessions = options.AlwaysOpenClasses is null
            ? CalendarSettings.DefaultSessions
            : Classes(options.AlwaysOpenClasses, "Calendar:AlwaysOpenClasses", problems)
                .ToImmutableDictionary(c => c, _ => WeeklySession.Continuous);
        var holidays = ImmutableArray.CreateBuilder<Holiday>();
        for (var i = 0; i < options.Holidays.Count; i++)
        {
            var holiday = options.Holidays[i];
            if (!DateOnly.TryParseExact(holiday.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"Calendar:Holidays:{i}:Date must be a date like 2026-12-25, not \"{holiday.Date}\"");
                continue;
            }
            holidays.Add(new Holiday(date, holiday.Name) { Classes = Classes(holiday.Classes, $"Calendar:Holidays:{i}:Classes", problems) });
        }
        return new CalendarSettings { DefaultSession = session, Sessions = sessions, Holidays = holidays.ToImmutable() };
    }

    private static WindowSettings MapWindows(WindowsOptions options, List<string> problems)
    {
        var defaults = WindowSettings.Default;
        var caps = defaults.Caps;
        if (options.Caps is not null)
        {
            var rules = ImmutableArray.CreateBuilder<WindowCapRule>();
            for (var i = 0; i < options.Caps.Count; i++)
            {
                var rule = options.Caps[i];
                if (!Leverage.TryParse(rule.MaxLeverage, out var cap) || cap.IsUnlimited)
                {
                    problems.Add($"Windows:Caps:{i}:MaxLeverage must be a ratio such as 200 or 1:200, not \"{rule.MaxLeverage}\"");
                    continue;
                }
                rules.Add(new WindowCapRule(cap)
                {
                    Patterns = [.. rule.Patterns.Select(p => new SymbolPattern(p))],
                    Classes = Classes(rule.Classes, $"Windows:Caps:{i}:Classes", problems),
                    Weekend = rule.Weekend,
                    News = rule.News,
                });
            }
            caps = rules.ToImmutable();
        }
        return defaults with
        {
            WeekendBeforeCloseMinutes = options.WeekendBeforeCloseMinutes ?? defaults.WeekendBeforeCloseMinutes,
            WeekendAfterOpenMinutes = options.WeekendAfterOpenMinutes ?? defaults.WeekendAfterOpenMinutes,
            NewsBeforeMinutes = options.NewsBeforeMinutes ?? defaults.NewsBeforeMinutes,
            NewsAfterMinutes = options.NewsAfterMinutes ?? defaults.NewsAfterMinutes,
            WeekendExemptClasses = options.WeekendExemptClasses is null
                ? defaults.WeekendExemptClasses
                : Classes(options.WeekendExemptClasses, "Windows:WeekendExemptClasses", problems),
            Caps = caps,
        };
    }

    private static WeekendSettings MapWeekend(WeekendOptions options, List<string> problems)
    {
        var defaults = WeekendSettings.Default;
        var sizes = defaults.StressSizes;
        if (options.StressSizes is not null)
        {
            sizes = [.. options.StressSizes.Select((rule, i) => new StressRule(rule.Percent)
            {
                Patterns = [.. rule.Patterns.Select(p => new SymbolPattern(p))],
                Classes = Classes(rule.Classes, $"Weekend:StressSizes:{i}:Classes", problems),
            })];
        }
        return defaults with
        {
            WarnBeforeCloseMinutes = options.WarnBeforeCloseMinutes ?? defaults.WarnBeforeCloseMinutes,
            RepeatMinutes = options.RepeatMinutes ?? defaults.RepeatMinutes,
            MaxLossPercent = options.MaxLossPercent ?? defaults.MaxLossPercent,
            BlockNewPositionsMinutes = options.BlockNewPositionsMinutes ?? defaults.BlockNewPositionsMinutes,
            OtherPercent = options.OtherPercent ?? defaults.OtherPercent,
            StressSizes = sizes,
        };
    }

    private static ImmutableArray<InstrumentClass> Classes(IEnumerable<string> names, string key, List<string> problems)
    {
        var classes = ImmutableArray.CreateBuilder<InstrumentClass>();
        foreach (var name in names)
        {
            if (Enum.TryParse<InstrumentClass>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(name, out _))
                classes.Add(value);
            else
                problems.Add($"{key}: unknown instrument class \"{name}\"; use one of {string.Join(", ", Enum.GetNames<InstrumentClass>())}");
        }
        return classes.ToImmutable();
    }

    private static DayOfWeek Day(string text, string key, List<string> problems)
    {
        if (Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(text, out _)) return day;
        problems.Add($"{key} must be a day of the week such as Friday, not \"{text}\"");
        return DayOfWeek.Friday;
    }

    private static TimeOnly Time(string text, string key, List<string> problems)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        problems.Add($"{key} must be a time such as 23:59, not \"{text}\"");
        return TimeOnly.MinValue;
    }

    private static T? Fail<T>(List<string> problems, string message)
        where T : class
    {
        problems.Add(message);
        return null;
    }
}
