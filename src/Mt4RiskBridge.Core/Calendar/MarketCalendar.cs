using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// When each instrument class trades, in broker server time: the weekly break and holidays, merged into closures
/// (a holiday on the Monday after the weekend makes one long closure). Pure: every question takes the time.
/// </summary>
public sealed class MarketCalendar
{
    private readonly CalendarSettings _settings;
    private readonly ImmutableArray<Holiday> _holidays;

    // The last closure found per class, with the time it was asked from: the same answer holds for every later
    // time before that closure ends, so checks reuse it without enumerating the calendar again.
    private readonly ClosureMemo?[] _memo = new ClosureMemo?[Enum.GetValues<InstrumentClass>().Max(c => (int)c) + 1];

    private sealed record ClosureMemo(DateTime From, MarketClosure? Closure)
    {
        public bool Answers(DateTime serverTime) => serverTime >= From && (Closure is not { } closure || serverTime < closure.End);
    }

    public MarketCalendar(CalendarSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid calendar: " + string.Join("; ", errors), nameof(settings));
        _settings = settings;
        _holidays = [.. settings.Holidays.OrderBy(h => h.Date)];
    }

    public static MarketCalendar Default { get; } = new(CalendarSettings.Default);

    public CalendarSettings Settings => _settings;

    public bool IsOpen(InstrumentClass instrumentClass, DateTime serverTime) =>
        ClosureAtOrAfter(instrumentClass, serverTime) is not { } closure || !closure.Contains(serverTime);

    /// <summary>The next time the market closes strictly after <paramref name="serverTime"/>; null when it never closes.</summary>
    public DateTime? NextClose(InstrumentClass instrumentClass, DateTime serverTime)
    {
        foreach (var closure in Closures(instrumentClass, serverTime))
        {
            if (closure.Start > serverTime) return closure.Start;
        }
        return null;
    }

    /// <summary>The next time the market opens strictly after <paramref name="serverTime"/> (the end of the current or next closure); null when it never closes.</summary>
    public DateTime? NextOpen(InstrumentClass instrumentClass, DateTime serverTime) =>
        ClosureAtOrAfter(instrumentClass, serverTime)?.End;

    /// <summary>The closure containing <paramref name="serverTime"/>, or else the next one; null when the market never closes.</summary>
    public MarketClosure? ClosureAtOrAfter(InstrumentClass instrumentClass, DateTime serverTime)
    {
        var slot = (uint)instrumentClass < (uint)_memo.Length ? (int)instrumentClass : -1;
        if (slot >= 0 && Volatile.Read(ref _memo[slot]) is { } memo && memo.Answers(serverTime)) return memo.Closure;
        MarketClosure? found = null;
        foreach (var closure in Closures(instrumentClass, serverTime))
        {
            found = closure;
            break;
        }
        if (slot >= 0) Volatile.Write(ref _memo[slot], new ClosureMemo(serverTime, found));
        return found;
    }

    /// <summary>
    /// Closures in time order, starting with the first that ends after <paramref name="from"/>. Infinite for a
    /// class with a weekly break; enumerate lazily.
    /// </summary>
    public IEnumerable<MarketClosure> Closures(InstrumentClass instrumentClass, DateTime from)
    {
        using var merged = Merge(WeeklyBreaks(_settings.SessionFor(instrumentClass), from), HolidayClosures(instrumentClass, from)).GetEnumerator();
        while (merged.MoveNext())
        {
            if (merged.Current.End > from) yield return merged.Current;
        }
    }

    private static IEnumerable<MarketClosure> WeeklyBreaks(WeeklySession session, DateTime from)
    {
        if (session.AlwaysOpen) yield break;
        // Start a week early so a break already under way at 'from' is included.
        var close = session.CloseOnOrBefore(from).AddDays(-7);
        var length = session.BreakLength;
        while (true)
        {
            yield return new MarketClosure(close, close + length);
            close = close.AddDays(7);
        }
    }

    private IEnumerable<MarketClosure> HolidayClosures(InstrumentClass instrumentClass, DateTime from)
    {
        var earliest = DateOnly.FromDateTime(from).AddDays(-7);
        foreach (var holiday in _holidays)
        {
            if (holiday.Date >= earliest && holiday.AppliesTo(instrumentClass)) yield return holiday.Closure;
        }
    }

    // Both inputs are in start order; touching or overlapping spans become one closure.
    private static IEnumerable<MarketClosure> Merge(IEnumerable<MarketClosure> first, IEnumerable<MarketClosure> second)
    {
        using var a = first.GetEnumerator();
        using var b = second.GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        MarketClosure? current = null;
        while (hasA || hasB)
        {
            MarketClosure next;
            if (hasA && (!hasB || a.Current.Start <= b.Current.Start))
            {
                next = a.Current;
                hasA = a.MoveNext();
            }
            else
            {
                next = b.Current;
                hasB = b.MoveNext();
            }
            if (current is { } open && next.Start <= open.End)
            {
                current = next.End > open.End ? open with { End = next.End } : open;
                continue;
            }
            if (current is { } done) yield return done;
            current = next;
        }
        if (current is { } last) yield return last;
    }
}
