using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// The v, type and id of the frame being read. After the careful pass they are known up front and the body readers
/// skip them like unknown fields. In the single pass (<see cref="InOnePass"/>) they are read where they stand, in
/// the same loop as the body fields; anything unusual about them fails the pass, and the careful path then explains
/// the frame, so this code never has to word an error.
/// </summary>
internal struct FrameEnvelope
{
    private const string Unusual = "envelope field is not as expected";

    private bool _versionSeen;
    private bool _idSeen;

    /// <summary>One of the <see cref="WireMessageType"/> constants; null only before it is read.</summary>
    public string? Type { get; private set; }

    /// <summary>The usable id, null when the frame has none (so far, in the single pass).</summary>
    public string? Id { get; private set; }

    /// <summary>True in the single pass, where the body readers hand v, type and id to this struct.</summary>
    public bool InOnePass { get; private init; }

    /// <summary>True when the single pass has read a v of exactly 1.</summary>
    public readonly bool HasVersion => _versionSeen;

    /// <summary>An envelope already checked by the careful pass.</summary>
    public static FrameEnvelope Checked(string type, string? id) => new() { Type = type, Id = id };

    /// <summary>The empty envelope of the single pass.</summary>
    public static FrameEnvelope OnePass() => new() { InOnePass = true };

    /// <summary>Which envelope field the property name the reader is on names, if any.</summary>
    public static EnvelopeField Match(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            if (name.SequenceEqual("v"u8)) return EnvelopeField.Version;
            if (name.SequenceEqual("type"u8)) return EnvelopeField.Type;
            if (name.SequenceEqual("id"u8)) return EnvelopeField.Id;
            return EnvelopeField.None;
        }
        if (reader.ValueTextEquals("v"u8)) return EnvelopeField.Version;
        if (reader.ValueTextEquals("type"u8)) return EnvelopeField.Type;
        if (reader.ValueTextEquals("id"u8)) return EnvelopeField.Id;
        return EnvelopeField.None;
    }

    /// <summary>
    /// Reads the value of <paramref name="field"/>, the reader on it. False, with <paramref name="problem"/> set to
    /// a marker that is never shown, when the field repeats or its value is not one the frame could be accepted with.
    /// </summary>
    public bool Read(ref Utf8JsonReader reader, EnvelopeField field, ref string? problem)
    {
        var ok = field switch
        {
            EnvelopeField.Version => ReadVersion(ref reader),
            EnvelopeField.Type => ReadType(ref reader),
            _ => ReadId(ref reader),
        };
        if (!ok) problem ??= Unusual;
        return ok;
    }

    private bool ReadVersion(ref Utf8JsonReader reader)
    {
        if (_versionSeen) return false;
        _versionSeen = true;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var version) && version == WireProtocol.Version;
    }

    private bool ReadType(ref Utf8JsonReader reader)
    {
        if (Type is not null || reader.TokenType != JsonTokenType.String) return false;
        Type = ClientType(ref reader);
        return Type is not null;
    }

    private bool ReadId(ref Utf8JsonReader reader)
    {
        if (_idSeen) return false;
        _idSeen = true;
        WireParser.ReadId(ref reader, out var id, out var problem);
        Id = id;
        return problem is null;
    }

    /// <summary>The constant for a client type, the most frequent first; null for anything else.</summary>
    private static string? ClientType(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("tick"u8)) return WireMessageType.Tick;
        if (reader.ValueTextEquals("check"u8)) return WireMessageType.Check;
        if (reader.ValueTextEquals("ticks"u8)) return WireMessageType.Ticks;
        if (reader.ValueTextEquals("account"u8)) return WireMessageType.Account;
        if (reader.ValueTextEquals("positions"u8)) return WireMessageType.Positions;
        if (reader.ValueTextEquals("heartbeat"u8)) return WireMessageType.Heartbeat;
        if (reader.ValueTextEquals("hello"u8)) return WireMessageType.Hello;
        if (reader.ValueTextEquals("symbol"u8)) return WireMessageType.Symbol;
        if (reader.ValueTextEquals("size"u8)) return WireMessageType.Size;
        return null;
    }
}

/// <summary>The envelope fields every message has.</summary>
internal enum EnvelopeField
{
    None,
    Version,
    Type,
    Id,
}
