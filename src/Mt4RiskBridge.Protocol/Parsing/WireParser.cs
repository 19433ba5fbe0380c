using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Turns one frame into a typed message or a <see cref="WireError"/>. Never throws on bad input: every problem is
/// a value naming the field, and the error keeps the frame's id when it had a usable one. Thread-safe.
/// </summary>
public static class WireParser
{
    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 32,
    };

    /// <summary>How far into a frame <see cref="LeadingId"/> looks: the envelope, never the body.</summary>
    public const int LeadingIdWindow = 4096;

    /// <summary>
    /// The frame's id when it is among its leading fields, where writers put it (v, type and id first): read from
    /// at most the first <see cref="LeadingIdWindow"/> bytes and only up to the first array or object value. So a
    /// frame dropped unread is answered for a fixed, small cost whatever its size. Null when the id is not there,
    /// is repeated, or is not a usable id.
    /// </summary>
    public static string? LeadingId(ReadOnlySpan<byte> frame)
    {
        var window = frame[..Math.Min(frame.Length, LeadingIdWindow)];
        var reader = new Utf8JsonReader(window, isFinalBlock: window.Length == frame.Length, new JsonReaderState(ReaderOptions));
        string? id = null;
        var seen = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                // The body starts here (or the window ends): nothing further is read.
                if (!reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) return id;
                if (!isId) continue;
                // A repeated id is no id: the parser refuses such a frame without one.
                if (seen) return null;
                seen = true;
                ReadId(ref reader, out id, out var problem);
                if (problem is not null) return null;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // As in the full parse: an id read before the break is still the sender's id.
        }
        return id;
    }

    /// <summary>Parses a frame a client sent to the service: one of the eight client message types.</summary>
    public static WireParseResult<ClientMessage> Parse(ReadOnlySpan<byte> frame)
    {
        // Nearly every frame is well-formed: read it once. Anything unusual is read again, carefully, by the path
        // that words the errors, so an error never depends on which path met it first.
        var trimmed = frame.TrimEnd((byte)0);
        if (!trimmed.IsEmpty && Utf8.IsValid(trimmed) && ReadInOnePass(trimmed) is { } message)
        {
            return WireParseResult<ClientMessage>.Ok(message);
        }
        return ParseCarefully(frame);
    }

    /// <summary>
    /// The whole frame in one reader pass, envelope and body together; null when the frame is anything but a
    /// valid client message whose type comes before its body fields.
    /// </summary>
    private static ClientMessage? ReadInOnePass(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var envelope = FrameEnvelope.OnePass();
            string? problem = null;
            // v, type and id lead a frame as writers send it; the body is read once the type is known.
            while (envelope.Type is null)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName) return null;
                var field = FrameEnvelope.Match(ref reader);
                if (field == EnvelopeField.None) return null;
                reader.Read();
                if (!envelope.Read(ref reader, field, ref problem)) return null;
            }
            var message = ClientMessageReader.Read(ref envelope, ref reader, ref problem);
            // The reader is on the closing brace; reading on proves nothing but whitespace follows it.
            if (message is null || problem is not null || !envelope.HasVersion || reader.Read()) return null;
            return message;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Checks the envelope over the whole frame first, then reads the body; every error is worded here.</summary>
    internal static WireParseResult<ClientMessage> ParseCarefully(ReadOnlySpan<byte> frame)
    {
        var error = ReadEnvelope(ref frame, out var envelope);
        if (error is null)
        {
            if (envelope.Type is { } type && !WireMessageType.ClientTypes.Contains(type))
            {
                error = Fail(WireErrorCode.UnknownType, WireMessageType.ServiceTypes.Contains(type)
                    ? $"'{type}' is sent by the service, not by clients"
                    : $"unknown message type '{type}'", envelope.Id);
            }
            else
            {
                var reader = new Utf8JsonReader(frame, ReaderOptions);
                reader.Read();
                string? problem = null;
                ClientMessage? message;
                try
                {
                    var body = FrameEnvelope.Checked(envelope.Type!, envelope.Id);
                    message = ClientMessageReader.Read(ref body, ref reader, ref problem);
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                {
                    // The envelope pass already proved the frame well-formed; this is a safety net, not a path.
                    problem ??= "frame could not be read: " + ex.Message;
                    message = null;
                }
                if (message is not null) return WireParseResult<ClientMessage>.Ok(message);
                error = Fail(WireErrorCode.BadField, problem ?? "frame could not be read", envelope.Id);
            }
        }
        return WireParseResult<ClientMessage>.Fail(error);
    }

    /// <summary>Parses a frame the service sent to a client: one of the six service message types.</summary>
    public static WireParseResult<ServiceMessage> ParseServiceMessage(ReadOnlySpan<byte> frame)
    {
        var error = ReadEnvelope(ref frame, out var envelope);
        if (error is null)
        {
            if (envelope.Type is { } type && !WireMessageType.ServiceTypes.Contains(type))
            {
                error = Fail(WireErrorCode.UnknownType, WireMessageType.ClientTypes.Contains(type)
                    ? $"'{type}' is sent by clients, not by the service"
                    : $"unknown message type '{type}'", envelope.Id);
            }
            else
            {
                var reader = new Utf8JsonReader(frame, ReaderOptions);
                reader.Read();
                string? problem = null;
                var message = Guard(ref reader, envelope, ref problem, ServiceMessageReader.Read);
                if (message is not null) return WireParseResult<ServiceMessage>.Ok(message);
                error = Fail(WireErrorCode.BadField, problem ?? "frame could not be read", envelope.Id);
            }
        }
        return WireParseResult<ServiceMessage>.Fail(error);
    }

    private delegate T? BodyReader<T>(string type, string? id, ref Utf8JsonReader reader, ref string? problem);

    private static T? Guard<T>(ref Utf8JsonReader reader, Envelope envelope, ref string? problem, BodyReader<T> read)
        where T : class
    {
        try
        {
            return read(envelope.Type!, envelope.Id, ref reader, ref problem);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The envelope pass already proved the frame well-formed; this is a safety net, not a path.
            problem ??= "frame could not be read: " + ex.Message;
            return null;
        }
    }

    /// <summary>Validates the whole frame as JSON and reads v, type and id, which every message has.</summary>
    private static WireError? ReadEnvelope(ref ReadOnlySpan<byte> frame, out Envelope envelope)
    {
        envelope = default;
        // MQL4's StringToCharArray appends a NUL terminator unless told not to; tolerate it.
        frame = frame.TrimEnd((byte)0);
        if (frame.IsEmpty) return Fail(WireErrorCode.BadJson, "frame is empty", null);
        if (!Utf8.IsValid(frame)) return Fail(WireErrorCode.BadJson, "frame is not valid UTF-8", null);

        var reader = new Utf8JsonReader(frame, ReaderOptions);
        string? id = null, idProblem = null, type = null, typeProblem = null, duplicate = null;
        string? versionProblem = null;
        bool versionSeen = false, idSeen = false, typeSeen = false;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(WireErrorCode.BadJson, $"frame must be a JSON object, not {JsonValue.Describe(ref reader)}", null);
            }
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                if (reader.ValueTextEquals("v"u8))
                {
                    if (versionSeen) duplicate ??= "v";
                    versionSeen = true;
                    reader.Read();
                    versionProblem = VersionProblem(ref reader);
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    if (typeSeen) duplicate ??= "type";
                    typeSeen = true;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) type = KnownType(ref reader) ?? JsonValue.Quote(ref reader);
                    else typeProblem = "type must be a string, not " + JsonValue.Describe(ref reader);
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    if (idSeen) duplicate ??= "id";
                    idSeen = true;
                    reader.Read();
                    ReadId(ref reader, out id, out idProblem);
                }
            }
        }
        catch (JsonException)
        {
            // An id read before the break is still the sender's id; keep it so the error can be matched.
            return BadJsonLocator.Describe(frame) with { Id = idProblem is null && duplicate != "id" ? id : null };
        }

        var usableId = idProblem is null && duplicate != "id" ? id : null;
        if (!versionSeen) versionProblem = $"v is required; this service speaks protocol version {WireProtocol.Version}";
        if (versionProblem is not null) return Fail(WireErrorCode.UnsupportedVersion, versionProblem, usableId);
        if (duplicate is not null) return Fail(WireErrorCode.BadField, duplicate + " appears more than once", usableId);
        if (idProblem is not null) return Fail(WireErrorCode.BadField, idProblem, null);
        if (typeProblem is not null) return Fail(WireErrorCode.BadField, typeProblem, usableId);
        if (type is null) return Fail(WireErrorCode.BadField, "type is required", usableId);
        envelope = new Envelope(type, usableId);
        return null;
    }

    /// <summary>Null when the value is the number 1; otherwise what is wrong with it.</summary>
    private static string? VersionProblem(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return $"v must be the number {WireProtocol.Version}, not {JsonValue.Describe(ref reader)}";
        }
        if (reader.TryGetInt64(out var version) && version == WireProtocol.Version) return null;
        var text = Encoding.UTF8.GetString(reader.ValueSpan);
        if (text.Length > 16) text = text[..16] + "…";
        return $"protocol version {text} is not supported; this service speaks version {WireProtocol.Version}";
    }

    /// <summary>The id the reader is on, or what is wrong with it.</summary>
    internal static void ReadId(ref Utf8JsonReader reader, out string? id, out string? problem)
    {
        id = null;
        problem = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.Number:
                if (reader.ValueSpan.Length <= WireProtocol.MaxIdLength) id = Encoding.UTF8.GetString(reader.ValueSpan);
                else problem = $"id must be at most {WireProtocol.MaxIdLength} characters";
                return;
            case JsonTokenType.String:
                if (!JsonValue.TryGetString(ref reader, out var text)) problem = "id is not valid text";
                else if (text.Length == 0) problem = "id must not be empty";
                else if (text.Length > WireProtocol.MaxIdLength) problem = $"id must be at most {WireProtocol.MaxIdLength} characters";
                else id = text;
                return;
            default:
                problem = "id must be a string or a number, not " + JsonValue.Describe(ref reader);
                return;
        }
    }

    /// <summary>The constant for a known type, so that parsing a valid frame allocates no type string.</summary>
    private static string? KnownType(ref Utf8JsonReader reader)
    {
        foreach (var type in WireMessageType.ClientTypes)
        {
            if (reader.ValueTextEquals(type)) return type;
        }
        foreach (var type in WireMessageType.ServiceTypes)
        {
            if (reader.ValueTextEquals(type)) return type;
        }
        return null;
    }

    private static WireError Fail(string code, string message, string? id) => new(code, message) { Id = id };

    private readonly record struct Envelope(string? Type, string? Id);
}
