using System.Text;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>Accepted frames: defaults, ids, tolerated extras.</summary>
public sealed class ParseTests
{
    public static TheoryData<string, WireMessage> Accepted() => new()
    {
        { """{"v":1,"type":"heartbeat"}""", new HeartbeatMessage() },
        { """{"type":"heartbeat","v":1}""", new HeartbeatMessage() },
        { """{"v":1,"type":"heartbeat","id":42}""", new HeartbeatMessage { Id = "42" } },
        { """{"v":1,"type":"heartbeat","id":1.5e3}""", new HeartbeatMessage { Id = "1.5e3" } },
        { """{"v":1,"type":"heartbeat","id":null}""", new HeartbeatMessage() },
        { """{"v":1,"type":"heartbeat","extra":{"deep":[1,{"x":NaNx}]}}""".Replace("NaNx", "null", StringComparison.Ordinal), new HeartbeatMessage() },
        { """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.1,"time":0,"volume":3,"flags":"x"}""", new TickMessage("EURUSD", 1.1m, 1.1m, 0) },
        { """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1e0,"ask":11E-1,"time":0}""", new TickMessage("EURUSD", 1.1m, 1.1m, 0) },
        { """{"v":1,"type":"check","id":"c","symbol":"EURUSD","side":"sell","lots":0.1}""", new CheckMessage("EURUSD", WireSide.Sell, 0.1m) { Id = "c" } },
        { """{"v":1,"type":"check","id":"c","symbol":"EURUSD","side":"sell","lots":0.1,"price":null,"sl":null,"tp":null,"comment":null,"snapshot":null}""", new CheckMessage("EURUSD", WireSide.Sell, 0.1m) { Id = "c" } },
        { """{"v":1,"type":"check","id":"c","symbol":"EURUSD","side":"buy","lots":0.1,"price":1.2,"sl":0,"tp":0}""", new CheckMessage("EURUSD", WireSide.Buy, 0.1m, Price: 1.2m, StopLoss: 0m, TakeProfit: 0m) { Id = "c" } },
        { """{"v":1,"type":"positions","positions":[{"ticket":9,"symbol":"X","side":"sell","lots":1,"openPrice":2,"id":"ignored"}]}""", new PositionsMessage([new WirePosition(9, "X", WireSide.Sell, 1m, 2m)]) },
        { """{"v":1,"type":"positions","positions":[{"ticket":9,"symbol":"X","side":"buy","lots":1,"openPrice":2,"sl":null,"tp":null,"profit":null,"swap":null,"commission":null,"openTime":null,"magic":null}]}""", new PositionsMessage([new WirePosition(9, "X", WireSide.Buy, 1m, 2m)]) },
        { """{"v":1,"type":"check","id":"c","symbol":"EURUSD","side":"sell","lots":0.1,"orderType":null,"magic":null}""", new CheckMessage("EURUSD", WireSide.Sell, 0.1m) { Id = "c" } },
        { """{"v":1,"type":"hello","account":1,"server":"S","currency":"USD","leverage":0,"marginCallLevel":0,"stopOutLevel":0,"stopOutMode":"money","company":null,"client":null,"token":null}""", new HelloMessage(1, "S", "USD", WireLeverage.Unlimited, 0m, 0m, WireStopOutMode.Money) },
        { """{"v":1,"type":"hello","account":1,"server":"S","currency":"USD","leverage":0,"marginCallLevel":0,"stopOutLevel":0,"stopOutMode":"money"}""", new HelloMessage(1, "S", "USD", WireLeverage.Unlimited, 0m, 0m, WireStopOutMode.Money) },
        { """{"v":1,"type":"symbol","symbol":"S","digits":2,"point":0.01,"contractSize":1,"tickSize":0.01,"tickValue":0.01,"minLot":1,"maxLot":1,"lotStep":1,"marginCalcMode":2,"marginInit":500,"marginHedged":0,"marginRequired":null,"baseCurrency":"USD","profitCurrency":"USD","marginCurrency":"USD","stopLevel":0}""",
          new SymbolMessage("S", 2, 0.01m, 1m, 0.01m, 0.01m, 1m, 1m, 1m, WireMarginCalcMode.Futures, 500m, 0m, "USD", "USD", "USD", 0) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_ValidFrame_GivesTheMessage(string frame, WireMessage expected)
    {
        var result = WireParser.Parse(Encoding.UTF8.GetBytes(frame));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(expected, result.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Parse_TrailingNulBytes_AreIgnored(int nulCount)
    {
        var frame = Encoding.UTF8.GetBytes("""{"v":1,"type":"heartbeat","id":"n"}""").Concat(new byte[nulCount]).ToArray();

        var result = WireParser.Parse(frame);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("n", result.Id);
    }

    [Fact]
    public void Parse_CheckWithoutOrderType_IsAMarketOrder()
    {
        var result = WireParser.Parse("""{"v":1,"type":"check","id":"1","symbol":"EURUSD","side":"buy","lots":1}"""u8);

        var check = Assert.IsType<CheckMessage>(result.Message);
        Assert.Equal(WireOrderType.Market, check.OrderType);
        Assert.Null(check.Price);
    }

    [Fact]
    public void Parse_EscapedText_IsUnescaped()
    {
        var result = WireParser.Parse("""{"v":1,"type":"tick","symbol":"EUR\/USD\u00e9","bid":1,"ask":1,"time":0,"id":"a\"b"}"""u8);

        var tick = Assert.IsType<TickMessage>(result.Message);
        Assert.Equal("EUR/USDé", tick.Symbol);
        Assert.Equal("a\"b", tick.Id);
    }
}
