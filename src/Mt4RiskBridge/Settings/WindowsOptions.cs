namespace Mt4RiskBridge.Settings;

/// <summary><c>Windows</c>: when higher margin applies to new positions, and the caps during it.</summary>
public sealed class WindowsOptions
{
    public const string Section = "Windows";

    public int? WeekendBeforeCloseMinutes { get; set; }
    public int? WeekendAfterOpenMinutes { get; set; }
    public int? NewsBeforeMinutes { get; set; }
    public int? NewsAfterMinutes { get; set; }
    public List<string>? WeekendExemptClasses { get; set; }

    /// <summary>Ordered rules, first match wins; null keeps the built-in list.</summary>
    public List<WindowCapOptions>? Caps { get; set; }
}
