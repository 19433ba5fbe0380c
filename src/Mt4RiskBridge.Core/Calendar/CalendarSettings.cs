using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The market calendar in broker server time (settings section <c>Calendar</c>). Defaults: every class closes
/// Friday 23:59 and opens Monday 00:01, the usual MT4 forex and metals week; crypto never closes; no holidays.
/// </summary>
public sealed record CalendarSettings
{
    /// <summary>The week of any class not listed in <see cref="Sessions"/>.</summary>
    public WeeklySession DefaultSession { get; init; } = WeeklySession.Standard;

    public ImmutableDictionary<InstrumentClass, WeeklySession> Sessions { get; init; } = DefaultSessions;

    public ImmutableArray<Holiday> Holidays { get; init; } = [];

    /// <summary>Crypto trades through the weekend.</summary>
    public static ImmutableDictionary<InstrumentClass, WeeklySession> DefaultSessions { get; } =
        ImmutableDictionary<InstrumentClass, WeeklySession>.Empty.Add(InstrumentClass.Crypto, WeeklySession.Continuous);

    public static CalendarSettings Default { get; } = new();

    public WeeklySession SessionFor(InstrumentClass instrumentClass) =>
        Sessions.TryGetValue(instrumentClass, out var session) ? session : DefaultSession;

    /// <summary>Every problem, empty when the calendar can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check("Calendar:DefaultSession", DefaultSession, errors);
        foreach (var (instrumentClass, session) in Sessions.OrderBy(s => s.Key))
            Check($"Calendar:Sessions:{instrumentClass}", session, errors);
        return errors;
    }

    private static void Check(string name, WeeklySession session, List<string> errors)
    {
        if (session.AlwaysOpen) return;
        if (session.BreakLength >= TimeSpan.FromDays(7))
            errors.Add($"{name}: the weekly break must be shorter than seven days");
    }
}
