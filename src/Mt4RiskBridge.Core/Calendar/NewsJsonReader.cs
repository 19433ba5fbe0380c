using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Mt4RiskBridge.Core;

/// <summary>Reads news rows from JSON content; see <see cref="NewsCalendarParser"/> for the layout.</summary>
internal static class NewsJsonReader
{
    public static NewsParseResult Read(string content, TimeSpan? serverUtcOffset)
    {
        var events = ImmutableArray.CreateBuilder<NewsEvent>();
        var errors = ImmutableArray.CreateBuilder<NewsParseError>();
        var bytes = Encoding.UTF8.GetBytes(content.TrimStart('\uFEFF'));
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                errors.Add(new NewsParseError(1, "the file is empty"));
            }
            else if (reader.TokenType == JsonTokenType.StartObject && !SeekEventsArray(ref reader))
            {
                errors.Add(new NewsParseError(1, "the object has no \"events\" array"));
            }
            else if (reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new NewsParseError(LineOf(lineStarts, reader.TokenStartIndex), "expected an array of events or an object with an \"events\" array"));
            }
            else
            {
                ReadArray(ref reader, lineStarts, serverUtcOffset, events, errors);
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            errors.Add(new NewsParseError(line, "malformed JSON; nothing after this point was read"));
        }
        return new NewsParseResult([.. events.OrderBy(e => e.Time)], errors.ToImmutable());
    }

    private static bool SeekEventsArray(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEvents = string.Equals(reader.GetString(), "events", StringComparison.OrdinalIgnoreCase);
            reader.Read();
            if (isEvents) return reader.TokenType == JsonTokenType.StartArray;
            reader.Skip();
        }
        return false;
    }

    private static void ReadArray(
        ref Utf8JsonReader reader,
        List<long> lineStarts,
        TimeSpan? serverUtcOffset,
        ImmutableArray<NewsEvent>.Builder events,
        ImmutableArray<NewsParseError>.Builder errors)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = LineOf(lineStarts, reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new NewsParseError(line, "expected an event object"));
                reader.Skip();
                continue;
            }
            using var row = JsonDocument.ParseValue(ref reader);
            if (TryEvent(row.RootElement, serverUtcOffset, out var news, out var error)) events.Add(news);
            else errors.Add(new NewsParseError(line, error));
        }
    }

    private static bool TryEvent(JsonElement row, TimeSpan? serverUtcOffset, out NewsEvent news, out string error)
    {
        news = null!;
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in row.EnumerateObject())
        {
            if (NewsFields.Canonical(property.Name) is { } name) values.TryAdd(name, property.Value);
        }
        var missing = NewsFields.Required.Where(r => !values.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            error = $"missing {string.Join(", ", missing)}";
            return false;
        }
        DateTime time;
        var timeValue = values["time"];
        if (timeValue.ValueKind == JsonValueKind.Number)
        {
            if (!timeValue.TryGetInt64(out var seconds))
            {
                error = $"time {timeValue.GetRawText()} is not whole unix seconds";
                return false;
            }
            if (!NewsFields.TryUnix(seconds, out time, out error)) return false;
        }
        else if (!NewsFields.TryTime(Text(timeValue), serverUtcOffset, out time, out error))
        {
            return false;
        }
        if (!NewsFields.TryCurrency(Text(values["currency"]), out var currency, out error)
            || !NewsFields.TryImpact(Text(values["impact"]), out var impact, out error)
            || !NewsFields.TryTitle(Text(values["title"]), out var title, out error))
        {
            return false;
        }
        news = new NewsEvent(time, currency, impact, title);
        return true;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetRawText(),
        _ => "",
    };

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
