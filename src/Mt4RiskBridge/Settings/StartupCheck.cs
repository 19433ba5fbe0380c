using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Binds and validates every settings section before the service starts, so one run reports every bad key
/// instead of failing on the first.
/// </summary>
public static class StartupCheck
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new List<string>();
        try
        {
            _ = services.GetService(typeof(IOptions<BridgeOptions>)) is IOptions<BridgeOptions> bridge ? bridge.Value : null;
        }
        catch (OptionsValidationException ex)
        {
            errors.AddRange(ex.Failures);
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
        return errors;
    }
}
