using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Web;

/// <summary>
/// The settings in force for the <c>/settings</c> page: every key of the service's sections with its value, secrets
/// masked, and when the configuration was loaded and last reloaded.
/// </summary>
internal sealed class SettingsView : IDisposable
{
    private static readonly string[] Sections =
    [
        BridgeOptions.Section, RiskOptions.Section, "Calendar", "Windows", "Weekend", "Alerts", "Limits", "Enforcement", "Eligibility",
        DashboardOptions.Section, OpenTelemetryOptions.Section, "Serilog",
    ];

    private static readonly string[] SecretWords = ["token", "password", "secret"];

    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly IDisposable _subscription;
    private long _reloadedAtTicks;

    public SettingsView(IConfiguration configuration, TimeProvider time)
    {
        _configuration = configuration;
        _time = time;
        LoadedAt = time.GetUtcNow();
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, () => Interlocked.Exchange(ref _reloadedAtTicks, _time.GetUtcNow().UtcTicks));
    }

    public DateTimeOffset LoadedAt { get; }

    public DateTimeOffset? ReloadedAt => Interlocked.Read(ref _reloadedAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public IReadOnlyList<SettingValue> Values()
    {
        var values = new List<SettingValue>();
        foreach (var section in Sections)
        {
            foreach (var (key, value) in _configuration.GetSection(section).AsEnumerable())
            {
                if (value is null) continue;
                values.Add(new SettingValue(key, IsSecret(key) && value.Length > 0 ? "********" : value));
            }
        }
        return [.. values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase)];
    }

    private static bool IsSecret(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => _subscription.Dispose();
}
