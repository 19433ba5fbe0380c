namespace Mt4RiskBridge.Settings;

/// <summary>
/// The sections that drive warnings, higher-margin windows and trading states, bound as plain values and turned
/// into the engine's settings records by <see cref="ExposureSettingsMapper"/>. Defaults live in those records.
/// </summary>
public sealed class ExposureOptions
{
    public CalendarOptions Calendar { get; set; } = new();
    public WindowsOptions Windows { get; set; } = new();
    public WeekendOptions Weekend { get; set; } = new();
    public AlertsOptions Alerts { get; set; } = new();
    public LimitsOptions Limits { get; set; } = new();
    public EnforcementOptions Enforcement { get; set; } = new();
    public EligibilityOptions Eligibility { get; set; } = new();
}
