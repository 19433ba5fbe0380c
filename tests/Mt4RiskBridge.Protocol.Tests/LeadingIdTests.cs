using System.Text;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>The id a frame dropped unread is answered with: read from its leading fields only.</summary>
public sealed class LeadingIdTests
{
    private static string? LeadingId(string json) => WireParser.LeadingId(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"v":1,"type":"positions","id":"p1","positions":[]}""", "p1")]
    [InlineData("""{"v":1,"type":"check","symbol":"EURUSD","side":"buy","lots":1,"id":42}""", "42")]
    [InlineData("""{"id":"first","v":1,"type":"tick"}""", "first")]
    // After the body: not read, as the frame is not read.
    [InlineData("""{"v":1,"type":"positions","positions":[{"ticket":1}],"id":"late"}""", null)]
    [InlineData("""{"v":1,"type":"account","snapshot":{"id":"inner"}}""", null)]
    [InlineData("""{"v":1,"id":"a","id":"b","type":"heartbeat"}""", null)]
    [InlineData("""{"v":1,"id":"","type":"heartbeat"}""", null)]
    [InlineData("""{"v":1,"id":true,"type":"heartbeat"}""", null)]
    [InlineData("""{"v":1,"id":null,"type":"heartbeat"}""", null)]
    [InlineData("""[{"id":"x"}]""", null)]
    [InlineData("not json", null)]
    [InlineData("", null)]
    // Broken after the id: the id still names the sender's message, as in the full parse.
    [InlineData("""{"v":1,"id":"h7","type":""", "h7")]
    public void IdAmongTheLeadingFields(string json, string? id)
    {
        Assert.Equal(id, LeadingId(json));
    }

    [Fact]
    public void MatchesTheFullParse_ForAWellFormedFrame()
    {
        const string json = """{"v":1,"type":"check","id":"c-17","symbol":"EURUSD","side":"sell","lots":0.5}""";

        Assert.Equal(WireParser.Parse(Encoding.UTF8.GetBytes(json)).Id, LeadingId(json));
    }

    [Fact]
    public void LooksNoFurtherThanItsWindow()
    {
        var filler = new string('x', WireParser.LeadingIdWindow);
        var beyond = $$"""{"v":1,"type":"heartbeat","note":"{{filler}}","id":"far"}""";
        var within = $$"""{"v":1,"type":"heartbeat","note":"{{filler[..100]}}","id":"near"}""";

        Assert.Null(LeadingId(beyond));
        Assert.Equal("near", LeadingId(within));
    }
}
