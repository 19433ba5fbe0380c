using Microsoft.Extensions.Configuration;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Which settings source (file, environment, command line) supplied each of some sections and their sub-sections (<c>Risk</c>,
/// <c>Risk:LotCaps</c>, ...) in the last settings applied. A reload in which a source has lost one of them — a
/// deleted file, a file saved half-written or as <c>{}</c> — would otherwise read as "use the defaults", which
/// for caps means off; such a reload is refused instead.
/// </summary>
public sealed class SettingsShape
{
    private readonly IReadOnlyList<(IConfigurationProvider Source, string Path)> _supplied;

    private SettingsShape(IReadOnlyList<(IConfigurationProvider, string)> supplied) => _supplied = supplied;

    public static SettingsShape Of(IConfiguration configuration, params IEnumerable<string> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var supplied = new List<(IConfigurationProvider, string)>();
        if (configuration is not IConfigurationRoot root) return new SettingsShape(supplied);
        foreach (var section in sections)
        {
            foreach (var source in root.Providers)
            {
                var children = Children(source, section);
                if (children.Count == 0) continue;
                supplied.Add((source, section));
                foreach (var child in children)
                {
                    var path = ConfigurationPath.Combine(section, child);
                    if (Children(source, path).Count > 0) supplied.Add((source, path));
                }
            }
        }
        return new SettingsShape(supplied);
    }

    /// <summary>The sections a source supplied last time and supplies no more.</summary>
    public IReadOnlyList<string> Missing() =>
        [.. _supplied.Where(s => Children(s.Source, s.Path).Count == 0).Select(s => s.Path).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static List<string> Children(IConfigurationProvider source, string path) =>
        [.. source.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase)];
}
