using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>The known fields of one JSON object, required ones first; at most 64, tracked as bits.</summary>
internal sealed class FieldTable
{
    private readonly byte[][] _utf8;
    private readonly string[] _names;
    private readonly ulong _required;

    public FieldTable(string[] required, string[] optional)
    {
        _names = [.. required, .. optional];
        if (_names.Length > 64) throw new ArgumentException("At most 64 fields.", nameof(optional));
        _utf8 = [.. _names.Select(Encoding.UTF8.GetBytes)];
        _required = required.Length == 64 ? ulong.MaxValue : (1UL << required.Length) - 1;
    }

    /// <summary>
    /// Moves to the next known field of the object and onto its value, skipping unknown fields. False at the end
    /// of the object, or with <paramref name="problem"/> set when a field appears twice.
    /// </summary>
    public bool Next(ref Utf8JsonReader reader, FieldScope scope, ref ulong seen, out int field, ref string? problem)
    {
        var envelope = default(FrameEnvelope);
        return Next(ref reader, scope, ref envelope, ref seen, out field, ref problem);
    }

    /// <summary>
    /// As <see cref="Next(ref Utf8JsonReader, FieldScope, ref ulong, out int, ref string?)"/>; in the single pass
    /// (<see cref="FrameEnvelope.InOnePass"/>) the envelope fields of the root object are read into
    /// <paramref name="envelope"/> on the way, and a bad one ends the object with <paramref name="problem"/> set.
    /// </summary>
    public bool Next(ref Utf8JsonReader reader, FieldScope scope, ref FrameEnvelope envelope, ref ulong seen, out int field, ref string? problem)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            field = Find(ref reader);
            if (field < 0 && envelope.InOnePass && FrameEnvelope.Match(ref reader) is var name and not EnvelopeField.None)
            {
                reader.Read();
                if (envelope.Read(ref reader, name, ref problem)) continue;
                field = -1;
                return false;
            }
            reader.Read();
            if (field < 0)
            {
                reader.Skip();
                continue;
            }
            var bit = 1UL << field;
            if ((seen & bit) != 0)
            {
                problem = scope.PathOf(_names[field]) + " appears more than once";
                return false;
            }
            seen |= bit;
            return true;
        }
        field = -1;
        return false;
    }

    /// <summary>True when every required field was seen; otherwise names the first one missing.</summary>
    public bool HasRequired(FieldScope scope, ulong seen, ref string? problem)
    {
        var missing = _required & ~seen;
        if (missing == 0) return true;
        problem = scope.PathOf(_names[BitOperations.TrailingZeroCount(missing)]) + " is required";
        return false;
    }

    private int Find(ref Utf8JsonReader reader)
    {
        var names = _utf8;
        if (!reader.ValueIsEscaped)
        {
            // The usual case: compare the raw bytes, no unescaping to consider.
            var name = reader.ValueSpan;
            for (var i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i])) return i;
            }
            return -1;
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i])) return i;
        }
        return -1;
    }
}
