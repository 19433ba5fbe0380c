using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mt4RiskBridge.Security;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// The service's own settings sections, in one list: registering a section here binds it, validates it at start
/// (and in the start-up check) and makes its keys known, so a misspelled key in it is refused.
/// </summary>
public static class SettingsCatalog
{
    public static IReadOnlyList<SettingsSection> Sections { get; } =
    [
        SettingsSection.For<BridgeOptions>(BridgeOptions.Section, BridgeRules),
        SettingsSection.For<RiskOptions>(RiskOptions.Section, RiskPolicyMapper.Check),
        SettingsSection.For<CalendarOptions>(CalendarOptions.Section, ExposureSettingsMapper.CheckCalendar),
        SettingsSection.For<WindowsOptions>(WindowsOptions.Section, ExposureSettingsMapper.CheckWindows),
        SettingsSection.For<WeekendOptions>(WeekendOptions.Section, ExposureSettingsMapper.CheckWeekend),
        SettingsSection.For<AlertsOptions>(AlertsOptions.Section, ExposureSettingsMapper.CheckAlerts),
        SettingsSection.For<LimitsOptions>(LimitsOptions.Section, ExposureSettingsMapper.CheckLimits),
        SettingsSection.For<EnforcementOptions>(EnforcementOptions.Section, ExposureSettingsMapper.CheckEnforcement),
        SettingsSection.For<EligibilityOptions>(EligibilityOptions.Section, ExposureSettingsMapper.CheckEligibility),
        SettingsSection.For<DashboardOptions>(DashboardOptions.Section, DashboardRules),
        SettingsSection.For<OpenTelemetryOptions>(OpenTelemetryOptions.Section, TelemetryRules),
    ];

    /// <summary>Binds every section with its validation, checked when the host starts.</summary>
    public static IServiceCollection AddBridgeSettings(this IServiceCollection services)
    {
        foreach (var section in Sections) section.Register(services);
        return services;
    }

    /// <summary>Every problem in every section, unknown keys first, each naming its full key.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. UnknownSettings.Find(configuration, Sections), .. Sections.SelectMany(s => s.Validate(configuration))];
    }

    // One security rule for the web side, checked section by section: the dashboard's with no OTLP address, the
    // OTLP address with the dashboard off.
    private static IEnumerable<string> DashboardRules(DashboardOptions options)
    {
        var problems = DashboardSecurityCheck.Validate(options, new OpenTelemetryOptions(), AppContext.BaseDirectory, out var certificate);
        certificate?.Dispose();
        return problems;
    }

    private static IEnumerable<string> TelemetryRules(OpenTelemetryOptions options) =>
        DashboardSecurityCheck.Validate(new DashboardOptions { Enabled = false }, options, AppContext.BaseDirectory, out _);

    private static IEnumerable<string> BridgeRules(BridgeOptions options)
    {
        // The pattern attribute admits any five digits; the port itself is checked here.
        if (Transport.EndpointAddress.TryParse(options.Endpoint, out _) is false
            && System.Text.RegularExpressions.Regex.IsMatch(options.Endpoint ?? "", BridgeOptions.EndpointPattern))
            yield return $"Bridge:Endpoint port must be between 0 and 65535, not \"{options.Endpoint}\"";
        foreach (var problem in SecurityCheck.Validate(options, AppContext.BaseDirectory, out _)) yield return problem;
    }
}
