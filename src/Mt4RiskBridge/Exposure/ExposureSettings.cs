using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Exposure;

/// <summary>The validated settings behind warnings, higher-margin windows and trading states.</summary>
public sealed record ExposureSettings
{
    public CalendarSettings Calendar { get; init; } = CalendarSettings.Default;
    public WindowSettings Windows { get; init; } = WindowSettings.Default;
    public WeekendSettings Weekend { get; init; } = WeekendSettings.Default;
    public AlertSettings Alerts { get; init; } = AlertSettings.Default;
    public LimitsSettings Limits { get; init; } = LimitsSettings.Default;
    public EnforcementSettings Enforcement { get; init; } = EnforcementSettings.Default;
    public EligibilitySettings Eligibility { get; init; } = EligibilitySettings.Default;

    /// <summary>News calendar file, absolute; null when none is configured.</summary>
    public string? NewsFile { get; init; }

    /// <summary>Broker server time minus UTC, for news times that carry an offset.</summary>
    public TimeSpan? ServerUtcOffset { get; init; }

    /// <summary>SQLite file for equity marks and operator halts, absolute.</summary>
    public string StatePath { get; init; } = "data/state.db";
}
