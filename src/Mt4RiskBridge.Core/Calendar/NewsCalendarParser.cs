namespace Mt4RiskBridge.Core;

/// <summary>
/// Reads a news calendar file's content (the host reads the file). Never throws on bad content: each bad row
/// becomes a <see cref="NewsParseError"/> with its line number and the rest are kept.
/// </summary>
/// <remarks>
/// Fields: time, currency, impact, title (aliases date/datetime, country, event/name, as in common calendar
/// exports). Times are broker server time, as "yyyy-MM-dd HH:mm[:ss]" (a 'T' or MT4's dots also accepted) or
/// unix seconds; a time with a UTC offset or 'Z' is moved to server time with <c>serverUtcOffset</c> and is
/// an error without one. Impact: high/medium/low (or h/m/l, 3/2/1, red/orange/yellow), none/holiday/non-economic.
/// CSV: comma-separated, quotes as in RFC 4180, an optional header naming the columns in any order (without
/// one the order is time, currency, impact, title), blank lines and lines starting with '#' ignored.
/// JSON: an array of objects, or an object whose "events" property is one.
/// </remarks>
public static class NewsCalendarParser
{
    public static NewsParseResult Parse(string content, NewsFileFormat format = NewsFileFormat.Auto, TimeSpan? serverUtcOffset = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (format == NewsFileFormat.Auto) format = DetectFormat(content);
        return format == NewsFileFormat.Json
            ? NewsJsonReader.Read(content, serverUtcOffset)
            : NewsCsvReader.Read(content, serverUtcOffset);
    }

    public static NewsParseResult ParseCsv(string content, TimeSpan? serverUtcOffset = null) =>
        Parse(content, NewsFileFormat.Csv, serverUtcOffset);

    public static NewsParseResult ParseJson(string content, TimeSpan? serverUtcOffset = null) =>
        Parse(content, NewsFileFormat.Json, serverUtcOffset);

    /// <summary>JSON when the first non-blank character opens an array or object; CSV otherwise.</summary>
    public static NewsFileFormat DetectFormat(string content)
    {
        foreach (var c in content)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
            return c is '[' or '{' ? NewsFileFormat.Json : NewsFileFormat.Csv;
        }
        return NewsFileFormat.Csv;
    }
}
