using System.Text.Json;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// Reads the audit trail the service appends (one JSON object per line: at, login, request, state, verdict,
/// reasons[].code ...), streaming, so a long-running service's log of any size can be read.
/// </summary>
public static class DecisionLogReader
{
    public static bool Recognizes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) return true;
        using var reader = new StreamReader(path);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c)) { }
        return c == '{';
    }

    public static DecisionLogSummary Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ReportInputException($"{path}: no such file");
        var byVerdict = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var reasonsByVerdict = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var logins = new SortedSet<long>();
        var unreadable = new List<int>();
        DateTime? from = null, to = null;
        int decisions = 0, lineNumber = 0, unreadableCount = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!TryRecord(line, out var at, out var login, out var verdict, out var codes))
            {
                unreadableCount++;
                if (unreadable.Count < 10) unreadable.Add(lineNumber);
                continue;
            }
            decisions++;
            logins.Add(login);
            if (from is null || at < from) from = at;
            if (to is null || at > to) to = at;
            byVerdict[verdict] = byVerdict.GetValueOrDefault(verdict) + 1;
            if (!reasonsByVerdict.TryGetValue(verdict, out var perVerdict)) reasonsByVerdict[verdict] = perVerdict = new(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                byReason[code] = byReason.GetValueOrDefault(code) + 1;
                perVerdict[code] = perVerdict.GetValueOrDefault(code) + 1;
            }
        }
        if (decisions == 0)
            throw new ReportInputException(unreadableCount > 0
                ? $"{name} is not a decisions log: none of its {unreadableCount} lines is an audit record"
                : $"{name} has no decisions to report on");
        return new DecisionLogSummary(name, decisions, from, to, [.. logins], byVerdict, byReason,
            reasonsByVerdict.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal),
            unreadableCount, unreadable);
    }

    private static bool TryRecord(string line, out DateTime at, out long login, out string verdict, out List<string> codes)
    {
        at = default;
        login = 0;
        verdict = "";
        codes = [];
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("at", out var atElement) || !atElement.TryGetDateTime(out at)
                || !root.TryGetProperty("login", out var loginElement) || !loginElement.TryGetInt64(out login)
                || !root.TryGetProperty("verdict", out var verdictElement) || verdictElement.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            verdict = verdictElement.GetString()!;
            if (root.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array)
            {
                foreach (var reason in reasons.EnumerateArray())
                {
                    if (reason.ValueKind == JsonValueKind.Object && reason.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                        codes.Add(code.GetString()!);
                }
            }
            return true;
        }
        catch (JsonException)
        {
            // A torn or foreign line: counted as unreadable by the caller.
            return false;
        }
    }
}
