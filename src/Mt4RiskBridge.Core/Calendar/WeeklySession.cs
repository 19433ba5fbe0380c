namespace Mt4RiskBridge.Core;

/// <summary>
/// When a class's market closes for the week and opens again, in broker server time: closed from the close
/// (inclusive) to the open (exclusive). <see cref="AlwaysOpen"/> never closes (crypto).
/// </summary>
public sealed record WeeklySession
{
    public DayOfWeek CloseDay { get; init; } = DayOfWeek.Friday;
    public TimeOnly CloseTime { get; init; } = new(23, 59);
    public DayOfWeek OpenDay { get; init; } = DayOfWeek.Monday;
    public TimeOnly OpenTime { get; init; } = new(0, 1);

    /// <summary>The market never closes for the week; only holidays (if any) close it.</summary>
    public bool AlwaysOpen { get; init; }

    /// <summary>Friday 23:59 to Monday 00:01 server time, the usual forex and metals week.</summary>
    public static WeeklySession Standard { get; } = new();

    /// <summary>Trades around the clock, every day.</summary>
    public static WeeklySession Continuous { get; } = new() { AlwaysOpen = true };

    /// <summary>How long the weekly break lasts: from the close to the next open, always under seven days.</summary>
    public TimeSpan BreakLength
    {
        get
        {
            var days = ((int)OpenDay - (int)CloseDay + 7) % 7;
            var length = TimeSpan.FromDays(days) + OpenTime.ToTimeSpan() - CloseTime.ToTimeSpan();
            return length <= TimeSpan.Zero ? length + TimeSpan.FromDays(7) : length;
        }
    }

    /// <summary>The close of the week containing <paramref name="serverTime"/>: the last close day on or before its date.</summary>
    internal DateTime CloseOnOrBefore(DateTime serverTime)
    {
        var back = ((int)serverTime.DayOfWeek - (int)CloseDay + 7) % 7;
        return serverTime.Date.AddDays(-back) + CloseTime.ToTimeSpan();
    }
}
