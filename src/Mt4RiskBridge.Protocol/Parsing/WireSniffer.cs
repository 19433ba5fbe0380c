using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>What a frame says it is, read from its top-level fields alone, before it is parsed.</summary>
public enum SniffedKind
{
    /// <summary>Anything else, including frames that are not JSON objects: the parser explains them.</summary>
    Other,
    Check,
    Account,
    Positions,
    Tick,
}

/// <summary>
/// The type of a frame, whether it has an id and, for a <c>tick</c>, where its symbol's bytes are. Only a hint
/// for ordering and coalescing: a frame sniffed as a state message may still be refused by <see cref="WireParser"/>.
/// </summary>
public readonly record struct SniffedFrame(SniffedKind Kind, bool HasId, int SymbolStart, int SymbolLength)
{
    /// <summary>A state message a later one of the same kind (and symbol) makes redundant: no id, so no reply is owed.</summary>
    public bool Supersedable => !HasId && Kind is SniffedKind.Account or SniffedKind.Positions or SniffedKind.Tick;
}

/// <summary>
/// Reads a frame's top-level property names (values are skipped, never converted), so the socket thread can tell
/// checks from state without parsing a 1,000-position list. Never throws.
/// </summary>
public static class WireSniffer
{
    public static SniffedFrame Sniff(ReadOnlySpan<byte> frame)
    {
        var kind = SniffedKind.Other;
        var typeSeen = false;
        var hasId = false;
        var symbolStart = -1;
        var symbolLength = 0;
        var reader = new Utf8JsonReader(frame.TrimEnd((byte)0), WireParser.ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped) return default;
                var name = reader.ValueSpan;
                if (!reader.Read()) return default;
                if (name.SequenceEqual("type"u8))
                {
                    // A repeated type is the parser's to refuse; the sniff does not guess.
                    if (typeSeen || reader.TokenType != JsonTokenType.String) return default;
                    typeSeen = true;
                    kind = KindOf(ref reader);
                    // Only state messages need the rest of the envelope; everything else is ordered as it came.
                    if (kind is SniffedKind.Other or SniffedKind.Check) return new SniffedFrame(kind, false, -1, 0);
                }
                else if (name.SequenceEqual("id"u8))
                {
                    hasId = true;
                    reader.Skip();
                }
                else if (name.SequenceEqual("symbol"u8) && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
                {
                    symbolStart = (int)reader.TokenStartIndex + 1;
                    symbolLength = reader.ValueSpan.Length;
                }
                else
                {
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject) return default;
        }
        catch (JsonException)
        {
            return default;
        }
        if (kind == SniffedKind.Tick && symbolStart < 0) return default;
        return new SniffedFrame(kind, hasId, symbolStart, symbolLength);
    }

    private static SniffedKind KindOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("tick"u8)) return SniffedKind.Tick;
        if (reader.ValueTextEquals("check"u8)) return SniffedKind.Check;
        if (reader.ValueTextEquals("account"u8)) return SniffedKind.Account;
        if (reader.ValueTextEquals("positions"u8)) return SniffedKind.Positions;
        return SniffedKind.Other;
    }
}
