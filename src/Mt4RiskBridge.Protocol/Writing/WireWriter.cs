using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Serialises messages to UTF-8 JSON frames. The byte[] methods reuse one buffer and writer per thread, so a frame
/// costs one array; <see cref="Write(IBufferWriter{byte}, WireMessage)"/> writes into the caller's buffer. Thread-safe.
/// </summary>
public static class WireWriter
{
    /// <summary>A buffer that grew past this is dropped after use rather than kept for the thread.</summary>
    private const int KeepCapacity = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // Non-ASCII text is written as UTF-8 rather than \u escapes; the frame is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    /// <summary>Writes any message into <paramref name="output"/>, reusing this thread's JSON writer.</summary>
    public static void Write(IBufferWriter<byte> output, WireMessage message)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(message);
        var (buffer, json) = ThreadWriter();
        json.Reset(output);
        try
        {
            MessageJson.Write(json, message);
            json.Flush();
        }
        finally
        {
            // Let go of the caller's buffer.
            json.Reset(buffer);
        }
    }

    /// <summary>Any message as a frame.</summary>
    public static byte[] Serialize(WireMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ToBytes(message, MessageJson.Write);
    }

    /// <summary>The reply to a hello.</summary>
    public static byte[] Welcome(string? id, string session, int heartbeatMs) =>
        Serialize(new WelcomeMessage(session, heartbeatMs) { Id = id });

    /// <summary>A decision frame written from its parts, with no message object in between (the check reply's hot path).</summary>
    public static byte[] Decision<TReasons>(in DecisionFrame<TReasons> frame)
        where TReasons : IDecisionReasons =>
        ToBytes(frame, static (json, state) => MessageJson.Decision(json, state));

    /// <summary>Confirms the message with <paramref name="id"/> was accepted.</summary>
    public static byte[] Ack(string id) => Serialize(new AckMessage { Id = id });

    /// <summary>Refuses a message; carries the error's id when it has one.</summary>
    public static byte[] Error(WireError error) => Serialize(error);

    /// <summary>Refuses a message with <paramref name="code"/> (see <see cref="WireErrorCode"/>).</summary>
    public static byte[] Error(string? id, string code, string message) => Serialize(new WireError(code, message) { Id = id });

    /// <summary>An unasked warning (DEALER connections only).</summary>
    public static byte[] Warning(WarningMessage warning) => Serialize(warning);

    /// <summary>An unasked instruction (DEALER connections only).</summary>
    public static byte[] Instruction(InstructionMessage instruction) => Serialize(instruction);

    private static byte[] ToBytes<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var (buffer, json) = ThreadWriter();
        json.Reset(buffer);
        try
        {
            write(json, state);
            json.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            json.Reset(buffer);
            buffer.ResetWrittenCount();
            if (buffer.Capacity > KeepCapacity)
            {
                t_buffer = null;
                t_json = null;
                json.Dispose();
            }
        }
    }

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Json) ThreadWriter()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = t_json ??= new Utf8JsonWriter(buffer, Options);
        return (buffer, json);
    }
}
