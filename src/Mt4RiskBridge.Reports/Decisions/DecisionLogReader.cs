namespace Mt4RiskBridge.Reports;

/// <summary>
/// Reads the audit trail the service appends (one JSON object per line: at, login, request, state, verdict,
/// reasons[].code ...; format 2 adds v and facts), streaming, so a long-running service's log of any size can be read.
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

    /// <summary>Counts the log; with <paramref name="replay"/>, every record is also judged again as it is read.</summary>
    public static DecisionLogSummary Read(string path, WhatIfReplay? replay = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ReportInputException($"{path}: no such file");
        var byVerdict = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var reasonsByVerdict = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var versions = new SortedDictionary<int, int>();
        var logins = new SortedSet<long>();
        var unreadable = new List<int>();
        DateTime? from = null, to = null;
        int decisions = 0, lineNumber = 0, unreadableCount = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!AuditRecordReader.TryRead(line, lineNumber, out var record))
            {
                unreadableCount++;
                if (unreadable.Count < 10) unreadable.Add(lineNumber);
                continue;
            }
            decisions++;
            var (at, verdict) = (record!.At, record.Verdict);
            logins.Add(record.Login);
            versions[record.Version] = versions.GetValueOrDefault(record.Version) + 1;
            if (from is null || at < from) from = at;
            if (to is null || at > to) to = at;
            byVerdict[verdict] = byVerdict.GetValueOrDefault(verdict) + 1;
            if (!reasonsByVerdict.TryGetValue(verdict, out var perVerdict)) reasonsByVerdict[verdict] = perVerdict = new(StringComparer.Ordinal);
            foreach (var code in record.ReasonCodes)
            {
                byReason[code] = byReason.GetValueOrDefault(code) + 1;
                perVerdict[code] = perVerdict.GetValueOrDefault(code) + 1;
            }
            replay?.Add(record);
        }
        if (decisions == 0)
            throw new ReportInputException(unreadableCount > 0
                ? $"{name} is not a decisions log: none of its {unreadableCount} lines is an audit record"
                : $"{name} has no decisions to report on");
        return new DecisionLogSummary(name, decisions, from, to, [.. logins], byVerdict, byReason,
            reasonsByVerdict.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal),
            unreadableCount, unreadable, versions, replay?.Result());
    }
}
