using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Explains a frame that is not valid JSON: re-reads it, tracking the field path, up to the failure. A bare NaN or
/// Infinity where a value belongs is reported as a <c>bad_field</c> naming that field, since that is what a
/// terminal printing a broken double produces. Runs only on the error path.
/// </summary>
internal static class BadJsonLocator
{
    private static readonly SearchValues<byte> TokenEnd = SearchValues.Create(" \t\r\n,}]"u8);

    public static WireError Describe(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, WireParser.ReaderOptions);
        var stack = new List<Level>();
        long before = 0;
        try
        {
            while (true)
            {
                before = reader.BytesConsumed;
                if (!reader.Read()) break;
                Track(ref reader, stack);
            }
            return new WireError(WireErrorCode.BadJson, "frame is not valid JSON");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            var path = PathOf(stack);
            var rest = frame[(int)before..].TrimStart(" \t\r\n,:"u8);
            if (path.Length > 0 && NonFiniteLiteral(rest) is { } literal)
            {
                return new WireError(WireErrorCode.BadField, $"{path} must be a finite number, not {literal}");
            }
            var where = path.Length > 0 ? $" near {path}" : string.Empty;
            return new WireError(WireErrorCode.BadJson, $"frame is not valid JSON{where}: {ex.Message}");
        }
    }

    private static void Track(ref Utf8JsonReader reader, List<Level> stack)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                if (stack.Count > 0) stack[^1] = stack[^1] with { Name = JsonValue.Quote(ref reader) };
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                Advance(stack);
                stack.Add(new Level(reader.TokenType == JsonTokenType.StartArray, null, -1));
                break;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
                break;
            default:
                Advance(stack);
                break;
        }
    }

    private static void Advance(List<Level> stack)
    {
        if (stack.Count > 0 && stack[^1].IsArray) stack[^1] = stack[^1] with { Index = stack[^1].Index + 1 };
    }

    /// <summary>The path of the value being read when the reader failed: "positions[3].lots".</summary>
    private static string PathOf(List<Level> stack)
    {
        var path = new StringBuilder();
        for (var i = 0; i < stack.Count; i++)
        {
            var level = stack[i];
            if (level.IsArray)
            {
                var index = i == stack.Count - 1 ? level.Index + 1 : level.Index;
                path.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else if (level.Name is not null)
            {
                if (path.Length > 0) path.Append('.');
                path.Append(level.Name);
            }
        }
        return path.ToString();
    }

    /// <summary>NaN, Infinity, inf, -nan(ind), 1.#INF and the like at the start of <paramref name="text"/>.</summary>
    private static string? NonFiniteLiteral(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAny(TokenEnd);
        var token = end < 0 ? text : text[..end];
        if (token.Length == 0 || token.Length > 24) return null;
        var body = token.TrimStart("+-"u8);
        var word = Encoding.ASCII.GetString(body).ToUpperInvariant();
        var nonFinite = word.StartsWith("NAN", StringComparison.Ordinal)
            || word.StartsWith("INF", StringComparison.Ordinal)
            || (word.Contains(".#", StringComparison.Ordinal) && char.IsAsciiDigit(word[0]));
        return nonFinite ? Encoding.UTF8.GetString(token) : null;
    }

    private readonly record struct Level(bool IsArray, string? Name, int Index);
}
