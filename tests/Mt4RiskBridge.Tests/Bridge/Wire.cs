using System.Globalization;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>Protocol v1 frames as a terminal writes them, spelled out as JSON so the tests pin the bytes on the wire.</summary>
internal static class Wire
{
    public static string Hello(long login, int leverage = 500, string id = "h1") =>
        $$"""{"v":1,"type":"hello","id":"{{id}}","account":{{login}},"server":"Demo-Server","company":"Demo Broker","currency":"USD","leverage":{{leverage}},"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"tests"}""";

    /// <summary>A Thursday noon in broker server time, outside every weekend window.</summary>
    public const long Thursday = 1763640000;

    public static string Account(decimal equity, int leverage = 500, decimal margin = 0m, long time = Thursday, string? id = null) =>
        $$"""{"v":1,"type":"account",{{IdField(id)}}"balance":{{N(equity)}},"equity":{{N(equity)}},"margin":{{N(margin)}},"freeMargin":{{N(equity - margin)}},"leverage":{{leverage}},"time":{{time}}}""";

    public static string Tick(string symbol, decimal bid, decimal ask, long time = Thursday) =>
        $$"""{"v":1,"type":"tick","symbol":"{{symbol}}","bid":{{N(bid)}},"ask":{{N(ask)}},"time":{{time}}}""";

    public static string Positions(string id, params (long Ticket, string Side, decimal Lots, decimal OpenPrice)[] positions) =>
        $$"""{"v":1,"type":"positions","id":"{{id}}","positions":[{{string.Join(",", positions.Select(p =>
            $$"""{"ticket":{{p.Ticket}},"symbol":"EURUSD","side":"{{p.Side}}","lots":{{N(p.Lots)}},"openPrice":{{N(p.OpenPrice)}}}"""))}}]}""";

    /// <summary>Unix seconds of a broker server wall-clock time (the terminal sends its own clock as if it were UTC).</summary>
    public static long ServerTime(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static string IdField(string? id) => id is null ? "" : "\"id\":\"" + id + "\",";

    public const string EurUsdSpec =
        """{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"marginRequired":220.04,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""";

    public const string EurUsdTick = """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1000,"ask":1.1002,"time":1763640000}""";

    public const string NoPositions = """{"v":1,"type":"positions","positions":[]}""";

    public static string Check(string id, decimal lots, string side = "buy", string symbol = "EURUSD", string extra = "") =>
        $$"""{"v":1,"type":"check","id":"{{id}}","symbol":"{{symbol}}","side":"{{side}}","lots":{{N(lots)}}{{extra}}}""";

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
