using System.Text;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>Each kind of bad frame gives its exact error code and a message naming the field.</summary>
public sealed class BadInputTests
{
    private const string Tick = """{"v":1,"type":"tick","id":"t1","symbol":"EURUSD","time":1,""";
    private const string Check = """{"v":1,"type":"check","id":"c1","side":"buy","symbol":"EURUSD",""";
    private const string Hello = """{"v":1,"type":"hello","id":"h1","account":1,"server":"S","currency":"USD","marginCallLevel":100,"stopOutLevel":50,""";
    private const string Symbol = """{"v":1,"type":"symbol","id":"s1","symbol":"EURUSD","digits":5,"point":0.00001,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"lotStep":0.01,"marginInit":0,"marginHedged":0,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0,""";
    private const string Position = """{"ticket":1,"symbol":"EURUSD","side":"buy","openPrice":1.1,""";

    public static TheoryData<string, string, string, string?> Refused() => new()
    {
        // Not a JSON object.
        { "", WireErrorCode.BadJson, "frame is empty", null },
        { "[1,2]", WireErrorCode.BadJson, "frame must be a JSON object, not an array", null },
        { "\"hello\"", WireErrorCode.BadJson, "frame must be a JSON object, not a string", null },
        { "42", WireErrorCode.BadJson, "frame must be a JSON object, not a number", null },
        // Version.
        { """{"type":"heartbeat","id":"x"}""", WireErrorCode.UnsupportedVersion, "v is required; this service speaks protocol version 1", "x" },
        { """{"v":2,"type":"heartbeat","id":"x"}""", WireErrorCode.UnsupportedVersion, "protocol version 2 is not supported; this service speaks version 1", "x" },
        { """{"v":1.5,"type":"heartbeat"}""", WireErrorCode.UnsupportedVersion, "protocol version 1.5 is not supported; this service speaks version 1", null },
        { """{"v":"1","type":"heartbeat","id":7}""", WireErrorCode.UnsupportedVersion, "v must be the number 1, not a string", "7" },
        { """{"v":2,"type":"nonsense"}""", WireErrorCode.UnsupportedVersion, "protocol version 2 is not supported; this service speaks version 1", null },
        // Envelope fields.
        { """{"v":1,"id":"x"}""", WireErrorCode.BadField, "type is required", "x" },
        { """{"v":1,"type":5,"id":"x"}""", WireErrorCode.BadField, "type must be a string, not a number", "x" },
        { """{"v":1,"type":"heartbeat","id":{"a":1}}""", WireErrorCode.BadField, "id must be a string or a number, not an object", null },
        { """{"v":1,"type":"heartbeat","id":""}""", WireErrorCode.BadField, "id must not be empty", null },
        { """{"v":1,"type":"heartbeat","id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", WireErrorCode.BadField, "id must be at most 64 characters", null },
        { """{"v":1,"type":"heartbeat","type":"tick"}""", WireErrorCode.BadField, "type appears more than once", null },
        { """{"v":1,"type":"frobnicate","id":"x"}""", WireErrorCode.UnknownType, "unknown message type 'frobnicate'", "x" },
        { """{"v":1,"type":"welcome","id":"x"}""", WireErrorCode.UnknownType, "'welcome' is sent by the service, not by clients", "x" },
        { """{"v":1,"type":"Tick"}""", WireErrorCode.UnknownType, "unknown message type 'Tick'", null },
        // Wrong JSON types, including numbers as strings and NaN.
        { Tick + """ "bid":"1.1","ask":1.2}""", WireErrorCode.BadField, "bid must be a number, not a string", "t1" },
        { Tick + """ "bid":"NaN","ask":1.2}""", WireErrorCode.BadField, "bid must be a number, not a string", "t1" },
        { Tick + """ "bid":NaN,"ask":1.2}""", WireErrorCode.BadField, "bid must be a finite number, not NaN", "t1" },
        { Tick + """ "bid":1.1,"ask":-Infinity}""", WireErrorCode.BadField, "ask must be a finite number, not -Infinity", "t1" },
        { Tick + """ "bid":1.1,"ask":1.#INF}""", WireErrorCode.BadField, "ask must be a finite number, not 1.#INF", "t1" },
        { Tick + """ "bid":true,"ask":1.2}""", WireErrorCode.BadField, "bid must be a number, not a boolean", "t1" },
        { Tick + """ "bid":null,"ask":1.2}""", WireErrorCode.BadField, "bid must be a number, not null", "t1" },
        { Tick + """ "bid":[1],"ask":1.2}""", WireErrorCode.BadField, "bid must be a number, not an array", "t1" },
        { Tick + """ "bid":1e400,"ask":1.2}""", WireErrorCode.BadField, "bid is out of range", "t1" },
        { Tick + """ "bid":1.2,"ask":1.1}""", WireErrorCode.BadField, "ask must be >= bid", "t1" },
        { Tick + """ "bid":0,"ask":1.1}""", WireErrorCode.BadField, "bid must be > 0", "t1" },
        { Tick + """ "bid":1.1}""", WireErrorCode.BadField, "ask is required", "t1" },
        { """{"v":1,"type":"tick","symbol":"","bid":1,"ask":1,"time":1}""", WireErrorCode.BadField, "symbol must not be empty", null },
        { """{"v":1,"type":"tick","symbol":"X","bid":1,"ask":1,"time":1.5}""", WireErrorCode.BadField, "time must be an integer", null },
        { """{"v":1,"type":"account","balance":1,"equity":1,"margin":0,"freeMargin":1,"leverage":100,"time":-5}""", WireErrorCode.BadField, "time must be >= 0", null },
        { """{"v":1,"type":"account","balance":1,"equity":null,"margin":0,"freeMargin":1,"leverage":100,"time":5}""", WireErrorCode.BadField, "equity must be a number, not null", null },
        { """{"v":1,"type":"account","balance":1,"equity":1,"margin":-1,"freeMargin":1,"leverage":100,"time":5}""", WireErrorCode.BadField, "margin must be >= 0", null },
        // Lots.
        { Check + """ "lots":-1}""", WireErrorCode.BadField, "lots must be > 0", "c1" },
        { Check + """ "lots":0}""", WireErrorCode.BadField, "lots must be > 0", "c1" },
        { Check + """ "lots":"0.1"}""", WireErrorCode.BadField, "lots must be a number, not a string", "c1" },
        { Check + """ "lots":NaN}""", WireErrorCode.BadField, "lots must be a finite number, not NaN", "c1" },
        { Check + """ "lots":0.1,"lots":0.2}""", WireErrorCode.BadField, "lots appears more than once", "c1" },
        // Required fields and enumerations.
        { """{"v":1,"type":"check","id":"c1","side":"buy","lots":1}""", WireErrorCode.BadField, "symbol is required", "c1" },
        { """{"v":1,"type":"check","symbol":"EURUSD","side":"buy","lots":1}""", WireErrorCode.BadField, "id is required for check", null },
        // Size: an id, a stop and a share of equity from above 0 to 100.
        { """{"v":1,"type":"size","symbol":"EURUSD","side":"buy","sl":1.08,"riskPercent":1}""", WireErrorCode.BadField, "id is required for size", null },
        { """{"v":1,"type":"size","id":"s1","symbol":"EURUSD","side":"buy","riskPercent":1}""", WireErrorCode.BadField, "sl is required", "s1" },
        { """{"v":1,"type":"size","id":"s1","symbol":"EURUSD","side":"buy","sl":0,"riskPercent":1}""", WireErrorCode.BadField, "sl must be > 0", "s1" },
        { """{"v":1,"type":"size","id":"s1","symbol":"EURUSD","side":"buy","sl":1.08,"riskPercent":0}""", WireErrorCode.BadField, "riskPercent must be > 0", "s1" },
        { """{"v":1,"type":"size","id":"s1","symbol":"EURUSD","side":"buy","sl":1.08,"riskPercent":100.5}""", WireErrorCode.BadField, "riskPercent must be <= 100", "s1" },
        { """{"v":1,"type":"size","id":"s1","symbol":"EURUSD","side":"buy","sl":1.08,"riskPercent":1,"snapshot":{"balance":1,"equity":1,"margin":-1,"positions":[]}}""", WireErrorCode.BadField, "snapshot.margin must be >= 0", "s1" },
        { Check + """ "lots":1,"orderType":"limit"}""", WireErrorCode.BadField, "price is required for limit orders", "c1" },
        { Check + """ "lots":1,"orderType":"stop","price":null}""", WireErrorCode.BadField, "price is required for stop orders", "c1" },
        { Check + """ "lots":1,"orderType":"ioc"}""", WireErrorCode.BadField, "orderType must be 'market' or 'limit' or 'stop', not 'ioc'", "c1" },
        { Check + """ "lots":1,"price":-2}""", WireErrorCode.BadField, "price must be > 0", "c1" },
        { Check + """ "lots":1,"sl":-0.1}""", WireErrorCode.BadField, "sl must be >= 0", "c1" },
        { """{"v":1,"type":"check","id":"c1","symbol":"EURUSD","side":"long","lots":1}""", WireErrorCode.BadField, "side must be 'buy' or 'sell', not 'long'", "c1" },
        { Check + """ "lots":1,"snapshot":[]}""", WireErrorCode.BadField, "snapshot must be an object, not an array", "c1" },
        { Check + """ "lots":1,"snapshot":{"balance":1,"equity":1,"positions":[]}}""", WireErrorCode.BadField, "snapshot.margin is required", "c1" },
        { Check + """ "lots":1,"snapshot":{"balance":1,"equity":1,"margin":0,"positions":[""" + Position + """ "side":"BUY","lots":1}]}}""", WireErrorCode.BadField, "snapshot.positions[0].side appears more than once", "c1" },
        { Check + """ "lots":1,"snapshot":{"balance":1,"equity":1,"margin":0,"positions":[{"ticket":1,"symbol":"EURUSD","side":"BUY","lots":1,"openPrice":1}]}}""", WireErrorCode.BadField, "snapshot.positions[0].side must be 'buy' or 'sell', not 'BUY'", "c1" },
        { Check + """ "lots":1,"snapshot":{"balance":1,"equity":1,"margin":0,"positions":[{"ticket":1,"symbol":"EURUSD","side":"buy","lots":NaN,"openPrice":1}]}}""", WireErrorCode.BadField, "snapshot.positions[0].lots must be a finite number, not NaN", "c1" },
        { Hello + """ "leverage":1.5,"stopOutMode":"percent"}""", WireErrorCode.BadField, "leverage must be an integer", "h1" },
        { Hello + """ "leverage":-1,"stopOutMode":"percent"}""", WireErrorCode.BadField, "leverage must be >= 0", "h1" },
        { Hello + """ "leverage":100,"stopOutMode":"pct"}""", WireErrorCode.BadField, "stopOutMode must be 'percent' or 'money', not 'pct'", "h1" },
        { Hello + """ "leverage":100}""", WireErrorCode.BadField, "stopOutMode is required", "h1" },
        { Hello + """ "leverage":100,"stopOutMode":"money","account":2}""", WireErrorCode.BadField, "account appears more than once", "h1" },
        { Symbol + """ "contractSize":0,"maxLot":100,"marginCalcMode":0}""", WireErrorCode.BadField, "contractSize must be > 0", "s1" },
        { Symbol + """ "contractSize":1,"maxLot":0.001,"marginCalcMode":0}""", WireErrorCode.BadField, "maxLot must be >= minLot", "s1" },
        { Symbol + """ "contractSize":1,"maxLot":100,"marginCalcMode":7}""", WireErrorCode.BadField, "marginCalcMode must be an integer from 0 to 4", "s1" },
        { Symbol + """ "contractSize":1,"maxLot":100,"marginCalcMode":0,"marginRequired":-1}""", WireErrorCode.BadField, "marginRequired must be >= 0", "s1" },
        // Arrays name the item.
        { """{"v":1,"type":"positions","id":"p","positions":[""" + Position + """ "lots":1},""" + Position + """ "lots":1},""" + Position + """ "lots":1},""" + Position + """ "lots":0}]}""", WireErrorCode.BadField, "positions[3].lots must be > 0", "p" },
        { """{"v":1,"type":"positions","positions":[""" + Position + """ "lots":1},""" + Position + """ "lots":NaN}]}""", WireErrorCode.BadField, "positions[1].lots must be a finite number, not NaN", null },
        { """{"v":1,"type":"positions","positions":[{"symbol":"X","side":"sell","lots":1,"openPrice":1}]}""", WireErrorCode.BadField, "positions[0].ticket is required", null },
        { """{"v":1,"type":"positions"}""", WireErrorCode.BadField, "positions is required", null },
        { """{"v":1,"type":"positions","positions":{}}""", WireErrorCode.BadField, "positions must be an array, not an object", null },
        { """{"v":1,"type":"ticks","ticks":[5]}""", WireErrorCode.BadField, "ticks[0] must be an object, not a number", null },
        { """{"v":1,"type":"ticks","ticks":[{"symbol":"A","bid":1,"ask":1,"time":0},{"symbol":"B","bid":2,"ask":1,"time":0}]}""", WireErrorCode.BadField, "ticks[1].ask must be >= bid", null },
    };

    public static TheoryData<string, string> NotJson() => new()
    {
        { "not json", "frame is not valid JSON: " },
        { """{"v":1,"type":"heartbeat"} trailing""", "frame is not valid JSON: " },
        { """{"v":1,"type":"heartbeat",}""", "frame is not valid JSON near type: " },
        { """{"v":1,"type":"tick" // comment""", "frame is not valid JSON near type: " },
        { """{"v":1,"type":"positions","positions":[{"lots":1 "x":2}]}""", "frame is not valid JSON near positions[0].lots: " },
        { """{"v":1,"type":"heartbeat" """, "frame is not valid JSON near type: " },
        { "\uFEFF{\"v\":1,\"type\":\"heartbeat\"}", "frame is not valid JSON: " },
        { """{"v":1,"type":"tick","bid":nope}""", "frame is not valid JSON near bid: " },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_BadFrame_GivesCodeAndMessageNamingTheField(string frame, string code, string message, string? id)
    {
        var result = WireParser.Parse(Encoding.UTF8.GetBytes(frame));

        Assert.False(result.IsSuccess, result.ToString());
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(message, result.Error.Message);
        Assert.Equal(id, result.Error.Id);
        Assert.Equal(id, result.Id);
    }

    [Theory]
    [MemberData(nameof(NotJson))]
    public void Parse_NotJson_GivesBadJsonWithLocation(string frame, string messageStart)
    {
        var result = WireParser.Parse(Encoding.UTF8.GetBytes(frame));

        Assert.False(result.IsSuccess);
        Assert.Equal(WireErrorCode.BadJson, result.Error.Code);
        Assert.StartsWith(messageStart, result.Error.Message, StringComparison.Ordinal);
        Assert.Null(result.Error.Id);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'v', (byte)'"', (byte)':', (byte)'1', (byte)',', (byte)'"', (byte)'s', (byte)'"', (byte)':', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)'}' })]
    public void Parse_InvalidUtf8_GivesBadJson(byte[] frame)
    {
        var result = WireParser.Parse(frame);

        Assert.False(result.IsSuccess);
        Assert.Equal(WireErrorCode.BadJson, result.Error.Code);
        Assert.Equal("frame is not valid UTF-8", result.Error.Message);
    }

    [Fact]
    public void Parse_LoneSurrogateEscape_GivesBadFieldNotAnException()
    {
        var result = WireParser.Parse("""{"v":1,"type":"tick","symbol":"\ud800","bid":1,"ask":1,"time":0}"""u8);

        Assert.False(result.IsSuccess);
        Assert.Equal(WireErrorCode.BadField, result.Error.Code);
        Assert.Equal("symbol is not valid text", result.Error.Message);
    }

    [Theory]
    [InlineData("""{"v":1,"type":"hello","id":"x"}""", "'hello' is sent by clients, not by the service")]
    [InlineData("""{"v":1,"type":"nope"}""", "unknown message type 'nope'")]
    public void ParseServiceMessage_ClientOrUnknownType_GivesUnknownType(string frame, string message)
    {
        var result = WireParser.ParseServiceMessage(Encoding.UTF8.GetBytes(frame));

        Assert.False(result.IsSuccess);
        Assert.Equal(WireErrorCode.UnknownType, result.Error.Code);
        Assert.Equal(message, result.Error.Message);
    }

    [Theory]
    [InlineData("""{"v":1,"type":"ack"}""", "id is required for ack")]
    [InlineData("""{"v":1,"type":"decision","verdict":"approve"}""", "id is required for decision")]
    [InlineData("""{"v":1,"type":"suggestion","lots":0}""", "id is required for suggestion")]
    [InlineData("""{"v":1,"type":"suggestion","id":"s","lots":0.1,"riskLots":0.1,"lossPerLot":300,"riskAmount":30}""", "reasons is required")]
    [InlineData("""{"v":1,"type":"decision","id":"d","verdict":"ok","lots":1,"requestedLots":1,"reasons":[],"marginLevelAfter":null,"leverage":1,"tier":{"minEquity":0,"leverage":1}}""", "verdict must be 'approve' or 'resize' or 'reject', not 'ok'")]
    [InlineData("""{"v":1,"type":"decision","id":"d","verdict":"approve","lots":1,"requestedLots":1,"reasons":[],"leverage":1,"tier":{"minEquity":0,"leverage":1}}""", "marginLevelAfter is required")]
    [InlineData("""{"v":1,"type":"decision","id":"d","verdict":"approve","lots":1,"requestedLots":1,"reasons":[{"code":"x","message":"m"}],"marginLevelAfter":null,"leverage":1,"tier":{"minEquity":0,"leverage":1}}""", "reasons[0].maxLots is required")]
    [InlineData("""{"v":1,"type":"decision","id":"d","verdict":"approve","lots":1,"requestedLots":1,"reasons":[],"marginLevelAfter":null,"leverage":"max","tier":{"minEquity":0,"leverage":1}}""", "leverage must be a number or 'unlimited', not a string")]
    [InlineData("""{"v":1,"type":"decision","id":"d","verdict":"approve","lots":1,"requestedLots":1,"reasons":[],"marginLevelAfter":null,"leverage":1,"tier":{"minEquity":0,"leverage":0}}""", "tier.leverage must be > 0")]
    [InlineData("""{"v":1,"type":"warning","code":"c","severity":"warn","message":"m","details":{"a":[1e400]}}""", "details.a[0] must be a number a decimal can hold")]
    [InlineData("""{"v":1,"type":"warning","code":"c","severity":"warn","message":"m","details":{"a":[[[[[[[[[1]]]]]]]]]}}""", "details.a[0][0][0][0][0][0][0] is nested more than 8 levels deep")]
    [InlineData("""{"v":1,"type":"warning","code":"c","severity":"loud","message":"m","details":{}}""", "severity must be 'info' or 'warn' or 'critical', not 'loud'")]
    [InlineData("""{"v":1,"type":"instruction","action":"open","ticket":1,"lots":1}""", "action must be 'close', not 'open'")]
    [InlineData("""{"v":1,"type":"instruction","action":"close","ticket":1,"lots":0}""", "lots must be > 0")]
    [InlineData("""{"v":1,"type":"welcome","session":"s","protocol":1,"heartbeatMs":0}""", "heartbeatMs must be an integer from 1 to 2147483647")]
    public void ParseServiceMessage_BadField_NamesTheField(string frame, string message)
    {
        var result = WireParser.ParseServiceMessage(Encoding.UTF8.GetBytes(frame));

        Assert.False(result.IsSuccess);
        Assert.Equal(WireErrorCode.BadField, result.Error.Code);
        Assert.Equal(message, result.Error.Message);
    }
}
