using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>Scheduled releases in time order, for finding the ones near a moment.</summary>
public sealed class NewsCalendar
{
    public NewsCalendar(IEnumerable<NewsEvent> events) => Events = [.. events.OrderBy(e => e.Time)];

    public static NewsCalendar Empty { get; } = new([]);

    public ImmutableArray<NewsEvent> Events { get; }

    /// <summary>
    /// Events of at least <paramref name="minImpact"/> whose window, from <paramref name="before"/> ahead of the
    /// event (inclusive) to <paramref name="after"/> past it (exclusive), contains <paramref name="serverTime"/>.
    /// </summary>
    public IEnumerable<NewsEvent> Around(DateTime serverTime, TimeSpan before, TimeSpan after, NewsImpact minImpact)
    {
        // Events are sorted: skip to the first that could still be in its window.
        var from = serverTime - after;
        var index = FirstAfter(from);
        for (var i = index; i < Events.Length && Events[i].Time - before <= serverTime; i++)
        {
            if (Events[i].Impact >= minImpact) yield return Events[i];
        }
    }

    private int FirstAfter(DateTime time)
    {
        int lo = 0, hi = Events.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Events[mid].Time <= time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
