using Microsoft.Extensions.Configuration;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// The section and sub-sections (<c>Risk</c>, <c>Risk:LotCaps</c>, ...) present in the last settings applied. A
/// reload in which one of them has vanished — a deleted file, a file saved half-written or as <c>{}</c> — would
/// otherwise read as "use the built-in defaults", which for caps means off; such a reload is refused instead.
/// </summary>
public sealed class SettingsShape
{
    private readonly IReadOnlyList<string> _paths;

    private SettingsShape(IReadOnlyList<string> paths) => _paths = paths;

    public static SettingsShape Of(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration.GetSection(section);
        if (!root.Exists()) return new SettingsShape([]);
        return new SettingsShape([root.Path, .. root.GetChildren().Where(c => c.GetChildren().Any()).Select(c => c.Path)]);
    }

    /// <summary>The paths of the last applied settings missing from <paramref name="configuration"/>.</summary>
    public IReadOnlyList<string> MissingFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. _paths.Where(p => !configuration.GetSection(p).Exists())];
    }
}
