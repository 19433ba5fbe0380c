using System.Buffers;
using System.Text;

namespace Mt4RiskBridge.Web;

/// <summary>The bytes of one server-sent event: its name and one line of JSON.</summary>
internal static class ServerSentEvent
{
    public static void Write(IBufferWriter<byte> to, string name, ReadOnlySpan<byte> json)
    {
        to.Write("event: "u8);
        to.Write(Encoding.UTF8.GetBytes(name));
        to.Write("\ndata: "u8);
        to.Write(json);
        to.Write("\n\n"u8);
    }

    public static byte[] Of(string name, ReadOnlySpan<byte> json)
    {
        var to = new ArrayBufferWriter<byte>(json.Length + name.Length + 16);
        Write(to, name, json);
        return to.WrittenSpan.ToArray();
    }
}
