using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Reads the <c>Calendar</c>, <c>Windows</c>, <c>Weekend</c>, <c>Alerts</c>, <c>Limits</c>, <c>Enforcement</c> and
/// <c>Eligibility</c> sections into <see cref="ExposureSettings"/>, listing every problem with its key.
/// </summary>
public static class ExposureSettingsMapper
{
    public static bool TryMap(IConfiguration configuration, string contentRoot, out ExposureSettings? settings, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var options = new ExposureOptions();
        try
        {
            configuration.GetSection("Calendar").Bind(options.Calendar);
            configuration.GetSection("Windows").Bind(options.Windows);
            configuration.GetSection("Weekend").Bind(options.Weekend);
            configuration.GetSection("Alerts").Bind(options.Alerts);
            configuration.GetSection("Limits").Bind(options.Limits);
            configuration.GetSection("Enforcement").Bind(options.Enforcement);
            configuration.GetSection("Eligibility").Bind(options.Eligibility);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
            settings = null;
            errors = problems;
            return false;
        }

        var calendar = MapCalendar(options.Calendar, problems);
        var windows = MapWindows(options.Windows, problems);
        var weekend = MapWeekend(options.Weekend, problems);
        var alerts = new AlertSettings
        {
            MarginLevelWarnPercent = options.Alerts.MarginLevelWarnPercent,
            RepeatMinutes = options.Alerts.RepeatMinutes ?? AlertSettings.Default.RepeatMinutes,
        };
        var limits = new LimitsSettings
        {
            DailyLossPercent = options.Limits.DailyLossPercent,
            MaxDrawdownPercent = options.Limits.MaxDrawdownPercent,
            Halted = options.Limits.Halted,
            MaxChecksPerSecond = options.Limits.MaxChecksPerSecond,
        };
        var enforcement = options.Enforcement.Mode?.Trim().ToUpperInvariant() switch
        {
            "WARN" => new EnforcementSettings { Mode = EnforcementMode.Warn },
            "REDUCE" => new EnforcementSettings { Mode = EnforcementMode.Reduce },
            _ => Fail<EnforcementSettings>(problems, $"Enforcement:Mode must be warn or reduce, not \"{options.Enforcement.Mode}\""),
        };
        var eligibility = new EligibilitySettings
        {
            MinClosedTrades = options.Eligibility.MinClosedTrades ?? EligibilitySettings.Default.MinClosedTrades,
            MinClosedLots = options.Eligibility.MinClosedLots ?? EligibilitySettings.Default.MinClosedLots,
            MaxEquity = options.Eligibility.MaxEquity ?? EligibilitySettings.Default.MaxEquity,
        };
        problems.AddRange(calendar.Validate());
        problems.AddRange(windows.Validate());
        problems.AddRange(weekend.Validate());
        problems.AddRange(alerts.Validate());
        problems.AddRange(limits.Validate());
        problems.AddRange(eligibility.Validate().Select(e => "Eligibility:" + e));
        if (string.IsNullOrWhiteSpace(options.Limits.StatePath)) problems.Add("Limits:StatePath must name a file");

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
            StatePath = Path.Combine(contentRoot, options.Limits.StatePath),
        };
        errors = problems;
        return settings is not null;
    }

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
