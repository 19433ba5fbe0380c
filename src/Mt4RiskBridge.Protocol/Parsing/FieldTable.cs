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
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            field = Find(ref reader);
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
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i])) return i;
        }
        return -1;
    }
}
