using Microsoft.Extensions.Configuration;
using System.ComponentModel.DataAnnotations;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Binds and validates every settings section before the service starts, so one run reports every bad key
/// instead of failing on the first.
/// </summary>
public static class StartupCheck
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var bridge = new BridgeOptions();
        try
        {
            configuration.GetSection(BridgeOptions.Section).Bind(bridge);
            // The same attributes the options pipeline checks, read directly so each message stands alone.
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(bridge, new ValidationContext(bridge), results, validateAllProperties: true);
            errors.AddRange(results.Select(r => r.ErrorMessage ?? string.Join(", ", r.MemberNames) + " is invalid"));
            errors.AddRange(Security.SecurityCheck.Validate(bridge, contentRoot, out _));
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ex.Message);
        }

        var risk = new RiskOptions();
        try
        {
            configuration.GetSection(RiskOptions.Section).Bind(risk);
            if (!RiskPolicyMapper.TryMap(risk, out _, out var riskErrors)) errors.AddRange(riskErrors);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the type it could not convert to.
            errors.Add(ex.Message);
        }
        if (!ExposureSettingsMapper.TryMap(configuration, contentRoot, out _, out var exposureErrors)) errors.AddRange(exposureErrors);

        var dashboard = new DashboardOptions();
        var telemetry = new OpenTelemetryOptions();
        try
        {
            configuration.GetSection(DashboardOptions.Section).Bind(dashboard);
            configuration.GetSection(OpenTelemetryOptions.Section).Bind(telemetry);
            errors.AddRange(Security.DashboardSecurityCheck.Validate(dashboard, telemetry, contentRoot, out var certificate));
            certificate?.Dispose();
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ex.Message);
        }
        return errors;
    }
}
