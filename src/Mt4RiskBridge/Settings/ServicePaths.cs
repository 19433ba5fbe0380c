using Microsoft.Extensions.Configuration;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Where the service writes: one data folder for state and the audit trail and one log folder, chosen from the
/// settings or the service manager, never from where the binary was built — so <c>dotnet run</c> in Debug, the
/// Release service and a published copy share one state file.
/// </summary>
public sealed record ServicePaths(string DataDirectory, string? LogDirectory)
{
    public const string ApplicationFolder = "mt4riskbridge";

    /// <summary>
    /// <c>Bridge:DataDirectory</c>, else systemd's <c>STATE_DIRECTORY</c>, else the platform's per-machine (Windows)
    /// or per-user state folder. <c>Bridge:LogDirectory</c>, else systemd's <c>LOGS_DIRECTORY</c>, else <c>logs</c> in
    /// the data folder; empty means no log files. Relative folders are inside the data folder.
    /// </summary>
    public static ServicePaths Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var data = configuration["Bridge:DataDirectory"];
        var dataDirectory = string.IsNullOrWhiteSpace(data)
            ? FirstOf(Environment.GetEnvironmentVariable("STATE_DIRECTORY")) ?? PlatformDefault()
            : Path.GetFullPath(data, AppContext.BaseDirectory);
        var logs = configuration["Bridge:LogDirectory"];
        string? logDirectory = logs switch
        {
            null => FirstOf(Environment.GetEnvironmentVariable("LOGS_DIRECTORY")) ?? Path.Combine(dataDirectory, "logs"),
            "" => null,
            _ => Path.GetFullPath(logs, dataDirectory),
        };
        return new ServicePaths(dataDirectory, logDirectory);
    }

    /// <summary>A path from the settings, made absolute inside the data folder when it is relative.</summary>
    public string InData(string path) => Path.GetFullPath(path, DataDirectory);

    private static string PlatformDefault()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Mt4RiskBridge");
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(state) || !Path.IsPathRooted(state))
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, ApplicationFolder);
    }

    // systemd passes a colon-separated list when a unit names several folders; the first is ours.
    private static string? FirstOf(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
}
