using Microsoft.Extensions.Configuration;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// The settings the service reads once, at start: sockets, listeners, exporters and files are opened with them,
/// so a change while it runs cannot apply. Every other key of the service's sections reloads live
/// (<see cref="Risk.RiskEngineSource"/>). A change to one of these is logged as needing a restart, by key only —
/// values may be secrets.
/// </summary>
public static class RestartOnlySettings
{
    /// <summary>Whole sections, then single keys of sections that otherwise reload.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        BridgeOptions.Section,
        DashboardOptions.Section,
        OpenTelemetryOptions.Section,
        "Serilog",
        CalendarOptions.Section + ":" + nameof(CalendarOptions.NewsFile),
        CalendarOptions.Section + ":" + nameof(CalendarOptions.ServerUtcOffsetHours),
        LimitsOptions.Section + ":" + nameof(LimitsOptions.StatePath),
    ];

    /// <summary>Whether <paramref name="key"/> is one of <see cref="Keys"/> or inside one of them.</summary>
    public static bool Covers(string key) =>
        Keys.Any(k => key.Equals(k, StringComparison.OrdinalIgnoreCase) || key.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>The restart-only keys with a value, leaf by leaf (<c>Bridge:Curve:PublicKeyFile</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Snapshot(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in Keys)
        {
            foreach (var (path, value) in configuration.GetSection(key).AsEnumerable())
            {
                if (value is not null) values[path] = value;
            }
        }
        return values;
    }

    /// <summary>Keys whose value differs between two snapshots (set, changed or removed), in key order.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return
        [
            .. before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase)
                .Where(key => !string.Equals(before.GetValueOrDefault(key), after.GetValueOrDefault(key), StringComparison.Ordinal))
                .Order(StringComparer.OrdinalIgnoreCase),
        ];
    }
}
