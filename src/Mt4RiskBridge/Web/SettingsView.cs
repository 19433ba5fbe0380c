using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Web;

/// <summary>
/// The settings in force for the <c>/settings</c> page: every key of every section of <see cref="SettingsCatalog"/>,
/// written in a file or not (a key left out shows its default), secrets masked; the sections that reload show what
/// the last applied reload set, the others what the service started with. Also when the settings were loaded and
/// when a change was last applied or refused.
/// </summary>
internal sealed class SettingsView : IHostedService
{
    /// <summary>Shown for a key that is unset and whose being unset is the setting (no token, no news file).</summary>
    public const string Unset = "(unset)";

    public const string Masked = "********";

    private static readonly string[] SecretWords = ["token", "password", "secret"];

    private readonly IServiceProvider _services;
    private readonly RiskEngineSource _engines;
    private readonly IReadOnlyList<SettingValue> _logging;
    private IReadOnlyList<(string Section, object Options)>? _atStart;

    public SettingsView(IServiceProvider services, RiskEngineSource engines, IConfiguration configuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _services = services;
        _engines = engines;
        // Serilog's section is the logging library's, not one of ours: its keys as written, read at start.
        _logging = [.. configuration.GetSection("Serilog").AsEnumerable().Where(p => p.Value is not null).Select(p => Value(p.Key, p.Value))];
        LoadedAt = time.GetUtcNow();
    }

    // The options are bound on first use and would then read a file changed since start: they are taken as the host
    // starts, once validated, before any change can be made.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = AtStart;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IReadOnlyList<(string Section, object Options)> AtStart =>
        LazyInitializer.EnsureInitialized(ref _atStart, () => [.. SettingsCatalog.Sections.Select(s => (s.Name, s.AtStart(_services)))]);

    public DateTimeOffset LoadedAt { get; }

    /// <summary>When a change of the settings was last applied while running; null before any.</summary>
    public DateTimeOffset? ReloadedAt => _engines.AppliedAt;

    /// <summary>The last change, when it was refused (the values above stayed); null when the last change was applied.</summary>
    public SettingsReload? Refused => _engines.LastReload is { Applied: false } reload ? reload : null;

    public IReadOnlyList<SettingValue> Values()
    {
        var live = _engines.InForce;
        var policy = _engines.Current.Policy;
        var values = new List<SettingValue>(_logging);
        foreach (var (section, atStart) in AtStart)
            Flatten(section, live.TryGetValue(section, out var applied) ? applied : atStart, policy, values);
        return [.. values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase)];
    }

    private static void Flatten(string key, object? value, RiskPolicy policy, List<SettingValue> values)
    {
        switch (value)
        {
            case null:
                values.Add(Value(key, SettingDefaults.For(key, policy)));
                return;
            case string or bool or Enum or IFormattable:
                values.Add(Value(key, Convert.ToString(value, CultureInfo.InvariantCulture)));
                return;
            case IDictionary dictionary:
                if (dictionary.Count == 0) values.Add(Value(key, "{}"));
                foreach (DictionaryEntry entry in dictionary) Flatten(key + ":" + entry.Key, entry.Value, policy, values);
                return;
            case IList list:
                if (list.Count == 0) values.Add(Value(key, "[]"));
                for (var i = 0; i < list.Count; i++) Flatten(key + ":" + i.ToString(CultureInfo.InvariantCulture), list[i], policy, values);
                return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true }) continue;
            Flatten(key + ":" + property.Name, property.GetValue(value), policy, values);
        }
    }

    private static SettingValue Value(string key, string? value) =>
        new(key, value is null ? Unset : IsSecret(key) && value.Length > 0 ? Masked : value, RestartOnlySettings.Covers(key));

    private static bool IsSecret(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
