using System.Globalization;
using System.Text.Json;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Reads the service's JSON-lines audit file the way an auditor's tool would, strictly: every line must end
/// with a newline and be one complete JSON object. Anything else is reported as a torn line.
/// </summary>
public sealed class AuditFileCheck
{
    private AuditFileCheck(IReadOnlyList<AuditRecord> records, int tornLines, long length)
    {
        Records = records;
        TornLines = tornLines;
        Length = length;
    }

    public IReadOnlyList<AuditRecord> Records { get; }

    /// <summary>Lines that are not a complete JSON object ending in a newline.</summary>
    public int TornLines { get; }

    /// <summary>File length in bytes when it was read.</summary>
    public long Length { get; }

    /// <summary>Reads the file from <paramref name="offset"/> (a line start) to its end.</summary>
    public static AuditFileCheck Read(string path, long offset = 0)
    {
        if (!File.Exists(path)) return new AuditFileCheck([], 0, 0);
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.Position = offset;
            bytes = new byte[stream.Length - offset];
            stream.ReadExactly(bytes);
        }
        var records = new List<AuditRecord>();
        var torn = 0;
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                torn++;
                break;
            }
            if (TryParse(bytes.AsSpan(start, end - start), out var record)) records.Add(record);
            else torn++;
            start = end + 1;
        }
        return new AuditFileCheck(records, torn, offset + bytes.Length);
    }

    private static bool TryParse(ReadOnlySpan<byte> line, out AuditRecord record)
    {
        record = default;
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return false;
            record = new AuditRecord(
                root.GetProperty("login").GetInt64(),
                root.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "",
                root.GetProperty("verdict").GetString() ?? "",
                root.GetProperty("lots").GetDecimal(),
                root.TryGetProperty("compact", out var compact) && compact.GetBoolean() ? null : root.GetProperty("state").GetProperty("equity").GetDecimal());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Records.Count} records, {TornLines} torn lines, {Length} bytes");
}
