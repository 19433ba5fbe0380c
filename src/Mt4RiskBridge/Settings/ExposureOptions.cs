using Microsoft.Extensions.Configuration;

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

    /// <summary>The seven sections as <paramref name="configuration"/> has them; throws <see cref="InvalidOperationException"/> on a value of the wrong type.</summary>
    public static ExposureOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ExposureOptions();
        configuration.GetSection(CalendarOptions.Section).Bind(options.Calendar);
        configuration.GetSection(WindowsOptions.Section).Bind(options.Windows);
        configuration.GetSection(WeekendOptions.Section).Bind(options.Weekend);
        configuration.GetSection(AlertsOptions.Section).Bind(options.Alerts);
        configuration.GetSection(LimitsOptions.Section).Bind(options.Limits);
        configuration.GetSection(EnforcementOptions.Section).Bind(options.Enforcement);
        configuration.GetSection(EligibilityOptions.Section).Bind(options.Eligibility);
        return options;
    }

    /// <summary>The section names, in the order above.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    [
        CalendarOptions.Section, WindowsOptions.Section, WeekendOptions.Section, AlertsOptions.Section,
        LimitsOptions.Section, EnforcementOptions.Section, EligibilityOptions.Section,
    ];
}
