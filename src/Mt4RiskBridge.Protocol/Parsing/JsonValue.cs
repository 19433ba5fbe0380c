using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>Reads one item of an array; null with <paramref name="problem"/> set when the item is bad.</summary>
internal delegate T? ItemReader<T>(ref Utf8JsonReader reader, FieldScope scope, ref string? problem)
    where T : class;

/// <summary>
/// Typed reads of the JSON value the reader is on, each checking type and range and naming the field in
/// <c>problem</c> when it fails. None of them throws on bad input.
/// </summary>
internal static class JsonValue
{
    /// <summary>Longest piece of client text quoted back in an error message.</summary>
    private const int QuoteLimit = 32;

    public static bool Decimal(ref Utf8JsonReader reader, FieldScope scope, string name, Bound bound, out decimal value, ref string? problem)
    {
        value = 0m;
        if (reader.TokenType != JsonTokenType.Number) return WrongType(ref reader, scope, name, "a number", ref problem);
        if (!reader.TryGetDecimal(out value))
        {
            problem = scope.PathOf(name) + " is out of range";
            return false;
        }
        return InBound(scope, name, bound, value, ref problem);
    }

    public static bool OptionalDecimal(ref Utf8JsonReader reader, FieldScope scope, string name, Bound bound, out decimal? value, ref string? problem)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!Decimal(ref reader, scope, name, bound, out var read, ref problem)) return false;
        value = read;
        return true;
    }

    public static bool Long(ref Utf8JsonReader reader, FieldScope scope, string name, long min, out long value, ref string? problem)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number) return WrongType(ref reader, scope, name, "an integer", ref problem);
        if (!reader.TryGetInt64(out value))
        {
            problem = scope.PathOf(name) + " must be an integer";
            return false;
        }
        if (value >= min) return true;
        problem = scope.PathOf(name) + (min == 1 ? " must be > 0" : " must be >= " + min.ToString(CultureInfo.InvariantCulture));
        return false;
    }

    public static bool OptionalLong(ref Utf8JsonReader reader, FieldScope scope, string name, long min, out long? value, ref string? problem)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!Long(ref reader, scope, name, min, out var read, ref problem)) return false;
        value = read;
        return true;
    }

    public static bool Int(ref Utf8JsonReader reader, FieldScope scope, string name, int min, int max, out int value, ref string? problem)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number) return WrongType(ref reader, scope, name, "an integer", ref problem);
        if (!reader.TryGetInt32(out value) || value < min || value > max)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{scope.PathOf(name)} must be an integer from {min} to {max}");
            return false;
        }
        return true;
    }

    public static bool String(ref Utf8JsonReader reader, FieldScope scope, string name, bool allowEmpty, out string value, ref string? problem)
    {
        value = string.Empty;
        if (reader.TokenType != JsonTokenType.String) return WrongType(ref reader, scope, name, "a string", ref problem);
        if (!TryGetString(ref reader, out value))
        {
            problem = scope.PathOf(name) + " is not valid text";
            return false;
        }
        if (allowEmpty || value.Length > 0) return true;
        problem = scope.PathOf(name) + " must not be empty";
        return false;
    }

    /// <summary>
    /// A non-empty symbol name: as <see cref="String"/> with allowEmpty false, but a name seen before comes from
    /// <see cref="TextCache.Symbols"/> instead of being allocated again.
    /// </summary>
    public static bool Symbol(ref Utf8JsonReader reader, FieldScope scope, string name, out string value, ref string? problem)
    {
        // Escaped text is rare and is unescaped by the reader; only plain bytes are looked up.
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length is 0 or > TextCache.MaxLength)
        {
            return String(ref reader, scope, name, allowEmpty: false, out value, ref problem);
        }
        var utf8 = reader.ValueSpan;
        if (TextCache.Symbols.TryGet(utf8, out var cached))
        {
            value = cached;
            return true;
        }
        if (!String(ref reader, scope, name, allowEmpty: false, out value, ref problem)) return false;
        TextCache.Symbols.Add(utf8, value);
        return true;
    }

    public static bool OptionalString(ref Utf8JsonReader reader, FieldScope scope, string name, out string? value, ref string? problem)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!String(ref reader, scope, name, allowEmpty: true, out var read, ref problem)) return false;
        value = read;
        return true;
    }

    public static bool Choice<T>(ref Utf8JsonReader reader, FieldScope scope, string name, WireChoice<T> choice, out T value, ref string? problem)
        where T : struct, Enum
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return WrongType(ref reader, scope, name, "a string", ref problem);
        if (choice.TryMatch(ref reader, out value)) return true;
        problem = $"{scope.PathOf(name)} must be {choice.Expected}, not '{Quote(ref reader)}'";
        return false;
    }

    public static bool OptionalChoice<T>(ref Utf8JsonReader reader, FieldScope scope, string name, WireChoice<T> choice, out T? value, ref string? problem)
        where T : struct, Enum
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!Choice(ref reader, scope, name, choice, out var read, ref problem)) return false;
        value = read;
        return true;
    }

    /// <summary>A leverage written as a positive number or "unlimited" (decisions and tiers).</summary>
    public static bool LeverageValue(ref Utf8JsonReader reader, FieldScope scope, string name, out WireLeverage value, ref string? problem)
    {
        value = WireLeverage.Unlimited;
        if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(WireNames.Unlimited)) return true;
        if (reader.TokenType != JsonTokenType.Number)
        {
            problem = $"{scope.PathOf(name)} must be a number or '{WireNames.Unlimited}', not {Describe(ref reader)}";
            return false;
        }
        if (!Decimal(ref reader, scope, name, Bound.Positive, out var ratio, ref problem)) return false;
        value = WireLeverage.Of(ratio);
        return true;
    }

    /// <summary>An account leverage written as an integer, 0 meaning unlimited (hello and account).</summary>
    public static bool AccountLeverage(ref Utf8JsonReader reader, FieldScope scope, string name, out WireLeverage value, ref string? problem)
    {
        value = WireLeverage.Unlimited;
        if (!Long(ref reader, scope, name, 0, out var ratio, ref problem)) return false;
        if (ratio > 0) value = WireLeverage.Of(ratio);
        return true;
    }

    public static bool Array<T>(ref Utf8JsonReader reader, string path, ItemReader<T> readItem, out ImmutableArray<T> items, ref string? problem)
        where T : class
    {
        items = [];
        if (reader.TokenType != JsonTokenType.StartArray) return WrongType(ref reader, FieldScope.Root, path, "an array", ref problem);
        // Items gather in a pooled buffer and are copied once into an array of the exact size.
        T[]? buffer = null;
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var scope = new FieldScope(path, count);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    problem = $"{scope.Self} must be an object, not {Describe(ref reader)}";
                    return false;
                }
                var item = readItem(ref reader, scope, ref problem);
                if (item is null) return false;
                if (buffer is null || count == buffer.Length) buffer = Grow(buffer, count);
                buffer[count++] = item;
            }
            if (count > 0) items = ImmutableCollectionsMarshal.AsImmutableArray(buffer.AsSpan(0, count).ToArray());
            return true;
        }
        finally
        {
            if (buffer is not null) ArrayPool<T>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static T[] Grow<T>(T[]? buffer, int count)
    {
        var grown = ArrayPool<T>.Shared.Rent(buffer is null ? 8 : buffer.Length * 2);
        if (buffer is not null)
        {
            buffer.AsSpan(0, count).CopyTo(grown);
            ArrayPool<T>.Shared.Return(buffer, clearArray: true);
        }
        return grown;
    }

    public static bool ExpectObject(ref Utf8JsonReader reader, FieldScope scope, string name, ref string? problem) =>
        reader.TokenType == JsonTokenType.StartObject || WrongType(ref reader, scope, name, "an object", ref problem);

    /// <summary>"a string", "an array", "null": how a token is named in error messages.</summary>
    public static string Describe(ref Utf8JsonReader reader) => Describe(reader.TokenType);

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "nothing",
    };

    public static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            // A \u escape that is half a surrogate pair: valid JSON syntax, but not text.
            value = string.Empty;
            return false;
        }
    }

    /// <summary>The current string token, cut short for quoting back to the sender.</summary>
    public static string Quote(ref Utf8JsonReader reader)
    {
        if (!TryGetString(ref reader, out var text)) return "?";
        return text.Length <= QuoteLimit ? text : text[..QuoteLimit] + "…";
    }

    private static bool InBound(FieldScope scope, string name, Bound bound, decimal value, ref string? problem)
    {
        switch (bound)
        {
            case Bound.Positive when value <= 0m:
                problem = scope.PathOf(name) + " must be > 0";
                return false;
            case Bound.NonNegative when value < 0m:
                problem = scope.PathOf(name) + " must be >= 0";
                return false;
            default:
                return true;
        }
    }

    private static bool WrongType(ref Utf8JsonReader reader, FieldScope scope, string name, string expected, ref string? problem)
    {
        problem = $"{scope.PathOf(name)} must be {expected}, not {Describe(ref reader)}";
        return false;
    }
}
