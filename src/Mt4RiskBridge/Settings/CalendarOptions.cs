namespace Mt4RiskBridge.Settings;

/// <summary><c>Calendar</c>: the weekly close and open in broker server time, holidays and the news file.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public string CloseDay { get; set; } = "Friday";
    public string CloseTime { get; set; } = "23:59";
    public string OpenDay { get; set; } = "Monday";
    public string OpenTime { get; set; } = "00:01";

    /// <summary>Classes whose market never closes.</summary>
    public List<string>? AlwaysOpenClasses { get; set; }

    public List<HolidayOptions> Holidays { get; set; } = [];

    /// <summary>CSV or JSON file of news events; reloaded when it changes. Empty: no news windows.</summary>
    public string? NewsFile { get; set; }

    /// <summary>Broker server time minus UTC, in hours, for news times given with an offset.</summary>
    public double? ServerUtcOffsetHours { get; set; }
}
