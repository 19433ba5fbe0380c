using System.Globalization;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// The process's limit on open files as Linux reports it in <c>/proc/self/limits</c> (null fields: unlimited). The
/// .NET runtime raises the soft limit to the hard one as it starts, so the soft limit read here is already the most
/// the process can have.
/// </summary>
public sealed record OpenFileLimit(long? Soft, long? Hard)
{
    private const string LimitsFile = "/proc/self/limits";
    private const string Row = "Max open files";

    /// <summary>The limit in force, or null where the system does not report one this way (not Linux).</summary>
    public static OpenFileLimit? Read() => File.Exists(LimitsFile) ? Parse(File.ReadLines(LimitsFile)) : null;

    internal static OpenFileLimit? Parse(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (!line.StartsWith(Row, StringComparison.Ordinal)) continue;
            var fields = line[Row.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length < 2 ? null : new OpenFileLimit(Value(fields[0]), Value(fields[1]));
        }
        return null;
    }

    /// <summary>Descriptors the process holds now (Linux); 0 where that cannot be read.</summary>
    public static int OpenDescriptors() =>
        Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : 0;

    private static long? Value(string field) =>
        long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"soft {Show(Soft)}, hard {Show(Hard)}");

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
}
