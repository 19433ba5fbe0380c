namespace Mt4RiskBridge.Settings;

/// <summary><c>Weekend</c>: the weekend-gap stress warning and the optional block before the close.</summary>
public sealed class WeekendOptions
{
    public const string Section = "Weekend";

    public int? WarnBeforeCloseMinutes { get; set; }
    public int? RepeatMinutes { get; set; }
    public decimal? MaxLossPercent { get; set; }
    public int? BlockNewPositionsMinutes { get; set; }
    public decimal? OtherPercent { get; set; }

    /// <summary>Ordered rules, first match wins; null keeps the built-in list.</summary>
    public List<StressSizeOptions>? StressSizes { get; set; }
}
