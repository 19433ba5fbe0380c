using System.Text;
using CsCheck;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>
/// The single pass that reads well-formed frames must agree exactly with the careful two-pass path: same message,
/// or the same error word for word.
/// </summary>
public sealed class OnePassTests
{
    private static readonly string[] Frames =
    [
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5}""",
        """{"type":"tick","v":1,"symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"id":"late"}""",
        """{"symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"type":"tick","v":1}""",
        """{"v":1,"symbol":"EURUSD","type":"tick","bid":1.1,"ask":1.2,"time":5}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"v":1}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"type":"tick"}""",
        """{"v":1,"type":"tick","id":"a","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"id":"b"}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"id":""}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"v":2}""",
        """{"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5}""",
        """{"\u0076":1,"\u0074ype":"tick","symbol":"EUR\u0055SD","bid":1.1,"ask":1.2,"\u0074ime":5,"\u0069d":"e"}""",
        """{"v":1,"type":"t\u0069ck","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5,"x":{"id":1,"v":9,"type":"no"}}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5}   """,
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5} x""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5}{}""",
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.2,"time":5""",
        """{"v":1,"type":"ticks","ticks":[{"symbol":"A","bid":1,"ask":1,"time":0,"id":"x","v":3},{"symbol":"A","bid":1,"ask":2,"time":1}]}""",
        """{"v":1,"type":"check","symbol":"EURUSD","side":"buy","lots":1,"id":"at-end"}""",
        """{"v":1,"type":"check","symbol":"EURUSD","side":"buy","lots":1}""",
        """{"v":1,"type":"check","symbol":"EURUSD","side":"buy"}""",
        """{"v":1,"type":"check","id":"c","symbol":"EURUSD","side":"buy","lots":1,"snapshot":{"balance":1,"equity":1,"margin":0,"id":"s","positions":[]}}""",
        """{"v":1,"type":"heartbeat","id":"h","id":"h"}""",
        """{"v":1,"type":"heartbeat","v":1}""",
        """{"v":1,"type":"heartbeat"}""",
        """{"v":1,"type":"heartbeat","id":7e1}""",
        """{"v":1.0,"type":"heartbeat"}""",
        """{"v":1,"type":"welcome","session":"s","protocol":1,"heartbeatMs":1}""",
        """{"v":1,"type":"hello","account":1,"server":"S","currency":"USD","leverage":0,"marginCallLevel":0,"stopOutLevel":0,"stopOutMode":"money","id":"h"}""",
        "{\"v\":1,\"type\":\"tick\",\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.2,\"time\":5}\0\0",
    ];

    private static readonly byte[][] Seeds =
    [
        .. Frames.Select(Encoding.UTF8.GetBytes),
        .. Samples.DocumentedByType.Values.Concat(Samples.Variants()).Select(WireWriter.Serialize),
        .. BadInputTests.Refused().Select(row => Encoding.UTF8.GetBytes((string)row[0])),
        .. ParseTests.Accepted().Select(row => Encoding.UTF8.GetBytes((string)row[0])),
    ];

    private static readonly byte[][] Pieces =
    [
        .. new[] { "\"v\":1,", "\"type\":\"tick\",", "\"id\":\"i\",", "\"id\":3,", ",\"v\":1", ",\"id\":null", "\\u0076", "\"ticks\",", "{", "}", "[", "]", ",", "\"", ":", "0", "-", ".", "e", "NaN", "\0", " " }
            .Select(Encoding.UTF8.GetBytes),
    ];

    [Fact]
    public void Parse_KnownFrames_AgreesWithTheCarefulPath()
    {
        foreach (var frame in Seeds) AssertAgree(frame);
    }

    [Fact]
    public void Parse_MutatedFrames_AgreesWithTheCarefulPath()
    {
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, Pieces.Length - 1]).Array[1, 4])
            .Sample((seed, edits) =>
            {
                var bytes = new List<byte>(Seeds[seed]);
                foreach (var (kind, position, piece) in edits)
                {
                    var at = position % (bytes.Count + 1);
                    switch (kind)
                    {
                        case 0: bytes.InsertRange(at, Pieces[piece]); break;
                        case 1 when at < bytes.Count: bytes.RemoveRange(at, Math.Min(1 + piece % 6, bytes.Count - at)); break;
                        default: if (at < bytes.Count) bytes[at] = Pieces[piece][0]; break;
                    }
                }
                AssertAgree([.. bytes]);
            }, iter: 20_000);
    }

    [Fact]
    public void Parse_RepeatedSymbol_ReusesOneString()
    {
        var first = Assert.IsType<TickMessage>(WireParser.Parse("""{"v":1,"type":"tick","symbol":"GBPJPY","bid":1,"ask":1,"time":0}"""u8).Message);
        var second = Assert.IsType<TickMessage>(WireParser.Parse("""{"v":1,"type":"tick","symbol":"GBPJPY","bid":2,"ask":2,"time":0}"""u8).Message);

        Assert.Equal("GBPJPY", second.Symbol);
        Assert.Same(first.Symbol, second.Symbol);
    }

    private static void AssertAgree(byte[] frame)
    {
        var careful = WireParser.ParseCarefully(frame);
        var fast = WireParser.Parse(frame);

        Assert.True(careful == fast, $"{Encoding.UTF8.GetString(frame)}: careful {careful}, parsed {fast}");
        Assert.Equal(careful.Id, fast.Id);
    }
}
