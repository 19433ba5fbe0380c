using System.Collections.Immutable;
using System.Text;

namespace Mt4RiskBridge.Core;

/// <summary>Reads news rows from CSV content; see <see cref="NewsCalendarParser"/> for the layout.</summary>
internal static class NewsCsvReader
{
    public static NewsParseResult Read(string content, TimeSpan? serverUtcOffset)
    {
        var events = ImmutableArray.CreateBuilder<NewsEvent>();
        var errors = ImmutableArray.CreateBuilder<NewsParseError>();
        Dictionary<string, int>? columns = null;
        foreach (var (line, fields) in Records(content))
        {
            if (columns is null)
            {
                columns = Header(fields, line, errors);
                if (columns is null) return new NewsParseResult([], errors.ToImmutable());
                if (columns.Count > 0) continue;
                columns = DefaultColumns;
            }
            var width = columns.Values.Max() + 1;
            if (fields.Count < width)
            {
                errors.Add(new NewsParseError(line, $"expected {width} fields, found {fields.Count}"));
                continue;
            }
            if (!NewsFields.TryTime(fields[columns["time"]], serverUtcOffset, out var time, out var error)
                || !NewsFields.TryCurrency(fields[columns["currency"]], out var currency, out error)
                || !NewsFields.TryImpact(fields[columns["impact"]], out var impact, out error)
                || !NewsFields.TryTitle(fields[columns["title"]], out var title, out error))
            {
                errors.Add(new NewsParseError(line, error));
                continue;
            }
            events.Add(new NewsEvent(time, currency, impact, title));
        }
        return new NewsParseResult([.. events.OrderBy(e => e.Time)], errors.ToImmutable());
    }

    private static readonly Dictionary<string, int> DefaultColumns = new(StringComparer.Ordinal)
    {
        ["time"] = 0, ["currency"] = 1, ["impact"] = 2, ["title"] = 3,
    };

    // The column map of a header row; empty when the first row is data; null (with an error) for a header missing columns.
    private static Dictionary<string, int>? Header(List<string> fields, int line, ImmutableArray<NewsParseError>.Builder errors)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (NewsFields.Canonical(fields[i]) is { } name) map.TryAdd(name, i);
        }
        if (map.Count == 0) return map;
        var missing = NewsFields.Required.Where(r => !map.ContainsKey(r)).ToList();
        if (missing.Count == 0) return map;
        errors.Add(new NewsParseError(line, $"the header has no {string.Join(", ", missing)} column"));
        return null;
    }

    // Records with the line each starts on; quoted fields may hold commas, doubled quotes and line breaks.
    private static IEnumerable<(int Line, List<string> Fields)> Records(string content)
    {
        var line = 1;
        var i = 0;
        if (content.Length > 0 && content[0] == '\uFEFF') i = 1;
        while (i < content.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var atFieldStart = true;
            for (; i < content.Length; i++)
            {
                var c = content[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else
                    {
                        if (c == '\n') line++;
                        field.Append(c);
                    }
                    continue;
                }
                if (c == '"' && atFieldStart) { quoted = true; atFieldStart = false; continue; }
                if (c == ',') { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; continue; }
                if (c == '\n') { i++; line++; break; }
                if (c == '\r') continue;
                field.Append(c);
                atFieldStart = false;
            }
            fields.Add(field.ToString());
            var blank = fields.Count == 1 && fields[0].Trim().Length == 0;
            if (!blank && !fields[0].TrimStart().StartsWith('#')) yield return (start, fields);
        }
    }
}
