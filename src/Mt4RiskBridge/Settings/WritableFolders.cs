using Microsoft.Extensions.Configuration;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Before the service starts, proves it can create and write a file in every folder it writes — the audit trail,
/// the state file, the logs — so a read-only, missing or full location is one line naming the setting, not a
/// crash after the socket is open.
/// </summary>
public static class WritableFolders
{
    public static IReadOnlyList<string> Check(IConfiguration configuration, ServicePaths paths)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(paths);
        // The data folder first: when it cannot be written, that is the one problem, not one per file inside it.
        if (Probe(paths.DataDirectory) is { } dataProblem) return [$"Bridge:DataDirectory: cannot write to {paths.DataDirectory} ({dataProblem})"];
        var folders = new List<(string Key, string Folder)>
        {
            ("Bridge:AuditPath", Path.GetDirectoryName(paths.InData(configuration["Bridge:AuditPath"] ?? new BridgeOptions().AuditPath))!),
            ("Limits:StatePath", Path.GetDirectoryName(paths.InData(configuration["Limits:StatePath"] ?? new LimitsOptions().StatePath))!),
        };
        if (paths.LogDirectory is { } logs) folders.Add(("Bridge:LogDirectory", logs));
        var problems = new List<string>();
        foreach (var (key, folder) in folders.DistinctBy(f => f.Folder))
        {
            if (Probe(folder) is { } reason) problems.Add($"{key}: cannot write to {folder} ({reason})");
        }
        return problems;
    }

    private static string? Probe(string folder)
    {
        var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
            {
                // A byte through to the disk, so a full volume answers now rather than at the first decision.
                file.WriteByte((byte)'\n');
                file.Flush(flushToDisk: true);
            }
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message.TrimEnd('.');
        }
    }
}
