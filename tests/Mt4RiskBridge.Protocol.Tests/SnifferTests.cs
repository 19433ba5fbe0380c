using System.Text;

namespace Mt4RiskBridge.Protocol.Tests;

public sealed class SnifferTests
{
    private static SniffedFrame Sniff(string json) => WireSniffer.Sniff(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"v":1,"type":"check","id":"c1","symbol":"EURUSD","side":"buy","lots":1}""", SniffedKind.Check, true)]
    [InlineData("""{"v":1,"type":"account","balance":1,"equity":1,"margin":0,"freeMargin":1,"leverage":100,"time":1}""", SniffedKind.Account, false)]
    [InlineData("""{"v":1,"positions":[{"ticket":1,"id":"inner"}],"type":"positions"}""", SniffedKind.Positions, false)]
    [InlineData("""{"v":1,"type":"positions","positions":[],"id":"p9"}""", SniffedKind.Positions, true)]
    [InlineData("""{"v":1,"type":"hello","account":1}""", SniffedKind.Other, true)]
    [InlineData("""{"v":1,"type":"ticks","ticks":[]}""", SniffedKind.Other, true)]
    public void Kind_AndWhetherALaterMessageMaySupersedeIt(string json, SniffedKind kind, bool kept)
    {
        var sniffed = Sniff(json);

        Assert.Equal(kind, sniffed.Kind);
        Assert.Equal(!kept, sniffed.Supersedable);
    }

    [Fact]
    public void Tick_NamesItsSymbolBytes()
    {
        const string json = """{"v":1,"type":"tick","symbol":"XAUUSD","bid":1,"ask":2,"time":1}""";

        var sniffed = Sniff(json);

        Assert.True(sniffed.Supersedable);
        Assert.Equal("XAUUSD", json.Substring(sniffed.SymbolStart, sniffed.SymbolLength));
    }

    [Theory]
    [InlineData("""{"v":1,"type":"positions","positions":[""")]
    [InlineData("""{"v":1,"type":"positions","type":"positions","positions":[]}""")]
    [InlineData("""{"v":1,"type":"tick","symbol":"EUR\u0055SD","bid":1,"ask":2,"time":1}""")]
    [InlineData("""[1,2]""")]
    [InlineData("")]
    public void AnythingUnusual_IsNeverSkipped(string json)
    {
        var sniffed = Sniff(json);

        Assert.Equal(SniffedKind.Other, sniffed.Kind);
        Assert.False(sniffed.Supersedable);
    }
}
