using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Makes hostile frames from valid protocol messages: fields removed, retyped, out of range, huge, deeply nested,
/// duplicated; non-finite numbers; bytes that are not UTF-8; truncated, flipped and padded frames; frames over the
/// size limit and messages of many frames. Seeded, so a run can be repeated.
/// </summary>
public sealed class FuzzMessages(int seed, int maxMessageBytes)
{
    private static readonly string[] Seeds =
    [
        """{"v":1,"type":"hello","id":"@","account":1,"server":"Fuzz-Server","company":"Fuzz","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"fuzz"}""",
        """{"v":1,"type":"account","id":"@","balance":10000,"equity":10250.5,"margin":1085.5,"freeMargin":9165,"leverage":500,"time":1763640000}""",
        """{"v":1,"type":"symbol","id":"@","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"marginRequired":217.1,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""",
        """{"v":1,"type":"tick","id":"@","symbol":"EURUSD","bid":1.08542,"ask":1.08551,"time":1763640001}""",
        """{"v":1,"type":"ticks","id":"@","ticks":[{"symbol":"EURUSD","bid":1.08542,"ask":1.08551,"time":1763640001},{"symbol":"XAUUSD","bid":2651.37,"ask":2651.72,"time":1763640001}]}""",
        """{"v":1,"type":"positions","id":"@","positions":[{"ticket":81234567,"symbol":"EURUSD","side":"buy","lots":0.5,"openPrice":1.0812,"sl":1.075,"tp":0,"profit":116,"swap":-1.25,"commission":-3.5,"openTime":1732340000,"magic":7001}]}""",
        """{"v":1,"type":"check","id":"@","symbol":"EURUSD","side":"buy","orderType":"market","lots":0.5,"sl":1.075,"tp":1.1,"magic":7001,"comment":"fuzz"}""",
        """{"v":1,"type":"check","id":"@","symbol":"EURUSD","side":"sell","lots":1.2,"snapshot":{"balance":10000,"equity":10100,"margin":200,"positions":[{"ticket":1,"symbol":"EURUSD","side":"buy","lots":0.5,"openPrice":1.0812}]}}""",
        """{"v":1,"type":"heartbeat","id":"@"}""",
    ];

    private static readonly string[] NastyNumbers =
    [
        "0", "-1", "-0", "1e308", "-1e308", "1e-320", "79228162514264337593543950336", "7922816251426433759354395033",
        "123456789012345678901234567890123456789", "0.000000000000000000000000000001", "1.5", "4294967296", "9223372036854775808",
        "NaN", "Infinity", "-Infinity", "inf", "-nan(ind)", "1.#INF", "1e", "01", "+1", ".5", "0x10",
    ];

    private readonly Random _random = new(seed);
    private long _next;

    /// <summary>One hostile message: its frames and the id the generator put in before mutating.</summary>
    public FuzzFrame Next()
    {
        var id = "f" + (++_next).ToString(CultureInfo.InvariantCulture);
        var seedText = Seeds[_random.Next(Seeds.Length)].Replace("\"@\"", "\"" + id + "\"", StringComparison.Ordinal);
        var roll = _random.Next(100);
        byte[] frame = roll switch
        {
            < 30 => Utf8(MutateTree(seedText)),
            < 42 => Utf8(MutateNumberText(seedText)),
            < 54 => MutateBytes(Utf8(seedText)),
            < 60 => Utf8(DuplicateKey(seedText)),
            < 66 => Utf8(Nested(id)),
            < 70 => Utf8(HugeArray(id)),
            < 74 => Utf8(HugeString(seedText)),
            < 78 => Utf8(WrongId(seedText)),
            < 84 => Utf8(MutateTree(MutateTree(seedText))),
            < 88 => Utf8(seedText),
            _ => Utf8(OtherType(seedText)),
        };
        if (_random.Next(100) < 3) return new FuzzFrame(id, [frame, .. Enumerable.Range(0, _random.Next(1, 20)).Select(_ => Utf8("{}"))]);
        return new FuzzFrame(id, [frame]);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private string MutateTree(string json)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(json)!;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0) return json;
        var (parent, key) = slots[_random.Next(slots.Count)];
        JsonNode? replacement = _random.Next(10) switch
        {
            0 => null,
            1 => JsonValue.Create(true),
            2 => JsonValue.Create(""),
            3 => JsonValue.Create(new string('Z', _random.Next(65, 5000))),
            4 => new JsonArray(1, 2, new JsonObject { ["a"] = new JsonArray() }),
            5 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = 1 } },
            6 => JsonValue.Create(-_random.NextDouble() * 1e6),
            7 => JsonValue.Create("1.5"),
            8 => JsonValue.Create("\ud83d\ude00\u0000\u202e"),
            _ => JsonValue.Create(_random.NextDouble() * 1e30),
        };
        var remove = _random.Next(3) == 0;
        switch (parent, key)
        {
            case (JsonObject obj, string name) when remove:
                obj.Remove(name);
                break;
            case (JsonObject obj, string name):
                obj[name] = replacement;
                break;
            case (JsonArray array, int index) when remove:
                array.RemoveAt(index);
                break;
            case (JsonArray array, int index):
                array[index] = replacement;
                break;
        }
        if (_random.Next(8) == 0 && root is JsonObject top) top["unknown" + _random.Next(100)] = new JsonArray(new JsonObject());
        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                slots.Add((obj, name));
                if (child is not null) Collect(child, slots);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child) Collect(child, slots);
            }
        }
    }

    /// <summary>Replaces one number literal by something a careless parser would take or choke on.</summary>
    private string MutateNumberText(string json)
    {
        var starts = new List<int>();
        for (var i = 1; i < json.Length; i++)
        {
            if ((char.IsAsciiDigit(json[i]) || json[i] == '-') && json[i - 1] == ':') starts.Add(i);
        }
        if (starts.Count == 0) return json;
        var start = starts[_random.Next(starts.Count)];
        var end = start;
        while (end < json.Length && json[end] is not ',' and not '}' and not ']') end++;
        return json[..start] + NastyNumbers[_random.Next(NastyNumbers.Length)] + json[end..];
    }

    private byte[] MutateBytes(byte[] frame)
    {
        var bytes = frame.ToList();
        switch (_random.Next(7))
        {
            case 0:
                for (var i = 0; i < 1 + _random.Next(4); i++) bytes[_random.Next(bytes.Count)] = (byte)_random.Next(256);
                break;
            case 1:
                bytes.InsertRange(_random.Next(bytes.Count), _random.Next(4) switch
                {
                    0 => new byte[] { 0xFF },
                    1 => [0xC0, 0x80],
                    2 => [0xED, 0xA0, 0x80],
                    _ => [0xF4, 0x90, 0x80, 0x80],
                });
                break;
            case 2:
                bytes = bytes.Take(_random.Next(bytes.Count)).ToList();
                break;
            case 3:
                bytes.AddRange(Enumerable.Repeat((byte)0, 1 + _random.Next(3)));
                break;
            case 4:
                bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
                break;
            case 5:
                bytes.AddRange(Encoding.UTF8.GetBytes(" garbage {"));
                break;
            default:
                bytes.Clear();
                break;
        }
        return [.. bytes];
    }

    private string DuplicateKey(string json)
    {
        var keys = new[] { "\"lots\":1,", "\"type\":\"tick\",", "\"id\":\"dup\",", "\"v\":1,", "\"symbol\":\"X\"," };
        return "{" + keys[_random.Next(keys.Length)] + json[1..];
    }

    private string Nested(string id)
    {
        var depth = _random.Next(4) == 0 ? _random.Next(1000, 20_000) : _random.Next(20, 80);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        return $$"""{"v":1,"type":"ticks","id":"{{id}}","ticks":""" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}";
    }

    private string HugeArray(string id)
    {
        var count = _random.Next(2) == 0 ? _random.Next(500, 3000) : _random.Next(3000, 20_000);
        var distinct = _random.Next(2) == 0;
        var builder = new StringBuilder($$"""{"v":1,"type":"ticks","id":"{{id}}","ticks":[""");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(CultureInfo.InvariantCulture, $$"""{"symbol":"S{{(distinct ? i : i % 7)}}","bid":1.1,"ask":1.2,"time":1}""");
            // Over the message limit, and never past twice it: there the socket disconnects the sender (the hard frame
            // limit) and every later message in its window would be lost with the connection.
            if (builder.Length > maxMessageBytes * 2 - 256) break;
        }
        return builder.Append("]}").ToString();
    }

    private string HugeString(string json)
    {
        var length = _random.Next(2) == 0 ? _random.Next(1000, 100_000) : maxMessageBytes + _random.Next(1, 100_000);
        return json.Insert(json.Length - 1, ",\"pad\":\"" + new string('p', length) + "\"");
    }

    private string WrongId(string json)
    {
        var start = json.IndexOf("\"id\":\"", StringComparison.Ordinal);
        if (start < 0) return json;
        var end = json.IndexOf('"', start + 6);
        var id = _random.Next(6) switch
        {
            0 => "12345",
            1 => "1.5",
            2 => "\"" + new string('i', 65) + "\"",
            3 => "\"\"",
            4 => "[\"f\"]",
            _ => "null",
        };
        return json[..(start + 5)] + id + json[(end + 1)..];
    }

    private string OtherType(string json)
    {
        string[] types = ["welcome", "decision", "ack", "error", "warning", "instruction", "Hello", "", "check ", "teleport"];
        var start = json.IndexOf("\"type\":\"", StringComparison.Ordinal);
        var end = json.IndexOf('"', start + 8);
        return json[..(start + 8)] + types[_random.Next(types.Length)] + json[end..];
    }
}
