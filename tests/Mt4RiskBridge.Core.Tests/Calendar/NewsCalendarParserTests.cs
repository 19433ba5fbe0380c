using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class NewsCalendarParserTests
{
    private static string[] Errors(NewsParseResult result) => [.. result.Errors.Select(e => e.ToString())];

    [Fact]
    public void ParseCsv_BadRows_AreSkippedWithTheirLineNumbers()
    {
        const string csv =
            "time,currency,impact,title\n" +
            "2026-11-18 15:30,USD,High,Non-Farm Payrolls\n" +
            "2026-11-18 25:30,USD,High,Bad hour\n" +
            "\n" +
            "2026-11-19 09:00,EURO,High,Bad currency\n" +
            "2026-11-19 10:00,GBP,High\n" +
            "# a comment line\n" +
            "2026-11-19 11:00,GBP,urgent,Bad impact\n" +
            "2026-11-19 12:00,\"gbp\",medium,\"GDP, \"\"flash\"\"\"\r\n" +
            "2026-11-19 13:00,JPY,low,\n" +
            "1795219140,CHF,h,Unix seconds\n";
        var result = NewsCalendarParser.Parse(csv);
        Assert.Equal(
        [
            "line 3: time '2026-11-18 25:30' is not yyyy-MM-dd HH:mm[:ss] or unix seconds",
            "line 5: currency 'EURO' is not a three-letter code",
            "line 6: expected 4 fields, found 3",
            "line 8: impact 'urgent' is not high, medium, low or none",
            "line 10: title is empty",
        ], Errors(result));
        Assert.Equal<NewsEvent>(
        [
            new NewsEvent(ServerClock.At("2026-11-18 15:30"), "USD", NewsImpact.High, "Non-Farm Payrolls"),
            new NewsEvent(ServerClock.At("2026-11-19 12:00"), "GBP", NewsImpact.Medium, "GDP, \"flash\""),
            new NewsEvent(ServerClock.At("2026-11-20 23:59"), "CHF", NewsImpact.High, "Unix seconds"),
        ], result.Events);
    }

    [Fact]
    public void ParseCsv_QuotedLineBreak_KeepsLaterLineNumbersTrue()
    {
        const string csv =
            "title,impact,currency,time\n" +
            "\"two\nlines\",high,USD,2026-11-18 15:30\n" +
            "bad,high,USD,yesterday\n";
        var result = NewsCalendarParser.ParseCsv(csv);
        Assert.Equal(["line 4: time 'yesterday' is not yyyy-MM-dd HH:mm[:ss] or unix seconds"], Errors(result));
        Assert.Equal("two\nlines", Assert.Single(result.Events).Title);
    }

    [Fact]
    public void ParseCsv_NoHeader_ReadsTimeCurrencyImpactTitle()
    {
        var result = NewsCalendarParser.ParseCsv("2026.11.18 15:30,usd,3,NFP\n");
        Assert.Empty(result.Errors);
        Assert.Equal(new NewsEvent(ServerClock.At("2026-11-18 15:30"), "USD", NewsImpact.High, "NFP"), Assert.Single(result.Events));
    }

    [Fact]
    public void ParseCsv_HeaderMissingAColumn_ReportsLineOneAndReadsNothing()
    {
        var result = NewsCalendarParser.ParseCsv("time,currency,title\n2026-11-18 15:30,USD,NFP\n");
        Assert.Equal(["line 1: the header has no impact column"], Errors(result));
        Assert.Empty(result.Events);
    }

    [Fact]
    public void ParseJson_BadRows_AreSkippedWithTheirLineNumbers()
    {
        const string json = """
            [
              { "time": "2026-11-18 15:30", "currency": "USD", "impact": "High", "title": "Non-Farm Payrolls" },
              { "time": "2026-11-18 15:30", "currency": "USD", "title": "No impact" },
              {
                "time": 1795219140,
                "currency": "EUR",
                "impact": "medium",
                "title": "Unix seconds"
              },
              42,
              { "time": "soon", "currency": "USD", "impact": "High", "title": "Bad time" }
            ]
            """;
        var result = NewsCalendarParser.Parse(json);
        Assert.Equal(
        [
            "line 3: missing impact",
            "line 10: expected an event object",
            "line 11: time 'soon' is not yyyy-MM-dd HH:mm[:ss] or unix seconds",
        ], Errors(result));
        Assert.Equal<NewsEvent>(
        [
            new NewsEvent(ServerClock.At("2026-11-18 15:30"), "USD", NewsImpact.High, "Non-Farm Payrolls"),
            new NewsEvent(ServerClock.At("2026-11-20 23:59"), "EUR", NewsImpact.Medium, "Unix seconds"),
        ], result.Events);
    }

    [Fact]
    public void ParseJson_CalendarExportWithOffsets_MovesTimesToServerTime()
    {
        // The layout of a common weekly calendar export: country, date with a UTC offset.
        const string json = """
            { "events": [
              { "title": "Non-Farm Payrolls", "country": "USD", "date": "2026-11-06T08:30:00-05:00", "impact": "High", "forecast": "" }
            ] }
            """;
        var withoutOffset = NewsCalendarParser.ParseJson(json);
        Assert.Equal(["line 2: time '2026-11-06T08:30:00-05:00' carries a UTC offset but no server UTC offset is configured"], Errors(withoutOffset));

        var result = NewsCalendarParser.ParseJson(json, serverUtcOffset: TimeSpan.FromHours(2));
        Assert.Empty(result.Errors);
        Assert.Equal(ServerClock.At("2026-11-06 15:30"), Assert.Single(result.Events).Time);
    }

    [Fact]
    public void ParseJson_Malformed_ReportsTheLineAndKeepsEarlierRows()
    {
        const string json = "[\n{ \"time\": \"2026-11-18 15:30\", \"currency\": \"USD\", \"impact\": \"High\", \"title\": \"NFP\" },\n{ \"time\": oops }\n]";
        var result = NewsCalendarParser.ParseJson(json);
        Assert.Equal(["line 3: malformed JSON; nothing after this point was read"], Errors(result));
        Assert.Single(result.Events);
    }

    [Theory]
    [InlineData("  [ ]", NewsFileFormat.Json)]
    [InlineData("{\"events\":[]}", NewsFileFormat.Json)]
    [InlineData("time,currency,impact,title", NewsFileFormat.Csv)]
    [InlineData("", NewsFileFormat.Csv)]
    public void DetectFormat_LooksAtTheFirstCharacter(string content, NewsFileFormat expected) =>
        Assert.Equal(expected, NewsCalendarParser.DetectFormat(content));
}
