using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports.Tests;

/// <summary>The audit format's documented example, read back and judged again under a what-if profile.</summary>
public sealed class WhatIfReplayTests
{
    private static string DocumentedLine()
    {
        var doc = File.ReadAllText(ReportDocTests.DocPath);
        const string open = "```jsonl\n";
        var start = doc.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return doc[start..doc.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void DocumentedLine_HasTheFactsOfAWholeCheck()
    {
        Assert.True(AuditRecordReader.TryRead(DocumentedLine(), 1, out var record));

        Assert.Equal(2, record!.Version);
        var check = Assert.IsType<OrderCheck>(record.Check);
        Assert.Equal(950m, check.Account.Equity);
        Assert.True(check.Account.PositionsKnown);
        Assert.True(check.Symbols.TryGet("EURUSD", out _));
        Assert.True(check.Quotes.TryGetQuote("EURUSD", out var quote));
        Assert.Equal(check.Now - TimeSpan.FromMilliseconds(80), quote.ReceivedAt);
        Assert.Equal(new DateTime(2026, 11, 19, 14, 0, 0), check.ServerTime);
    }

    [Theory]
    // ESMA caps EURUSD at 1:30: 950 ÷ (2 × 110,010 ÷ 30 + 10) = 0.129 → 0.12 (the docs' worked example).
    [InlineData("esma", "resize", 0.12, "margin_floor")]
    // A flat 1:25: 950 ÷ (2 × 110,010 ÷ 25 + 10) = 0.1079 → 0.10.
    [InlineData("1:25", "resize", 0.10, "margin_floor")]
    // Beginner: 5 × 950 = 4,750 of notional ÷ 110,010 = 0.0431 → 0.04.
    [InlineData("beginner", "resize", 0.04, "effective_leverage")]
    public void DocumentedLine_UnderAProfile_IsResizedAsWorkedOut(string profile, string verdict, double lots, string reason)
    {
        Assert.True(WhatIfProfile.TryParse(profile, out var whatIf));
        var replay = new WhatIfReplay(whatIf!, RiskPolicy.Default);
        Assert.True(AuditRecordReader.TryRead(DocumentedLine(), 7, out var record));

        replay.Add(record!);

        var result = replay.Result();
        Assert.Equal(1, result.Replayed);
        Assert.Equal(1, result.Reproduced);
        var change = Assert.Single(result.Changed);
        Assert.Equal((7, "approve", 1m, verdict, (decimal)lots), (change.LineNumber, change.RecordedVerdict, change.RecordedLots, change.Verdict, change.Lots));
        Assert.Equal(reason, change.ReasonCodes[0]);
    }

    [Fact]
    public void UnderAWindowThatDoesNotBind_TheChangeIsExplainedByTheRuleThatSetTheLots()
    {
        // The documented check made during a 1:200 weekend window: under ESMA's 1:30 the window caps nothing, the
        // margin floor sets 0.12 lots, and that is the reason given, not the window listed first.
        var line = DocumentedLine().Replace("\"windows\":[]", "\"windows\":[[\"weekend_window\",\"1:200\"]]", StringComparison.Ordinal);
        Assert.True(WhatIfProfile.TryParse("esma", out var whatIf));
        var replay = new WhatIfReplay(whatIf!, RiskPolicy.Default);
        Assert.True(AuditRecordReader.TryRead(line, 3, out var record));

        replay.Add(record!);

        var change = Assert.Single(replay.Result().Changed);
        Assert.Equal(("resize", 0.12m), (change.Verdict, change.Lots));
        Assert.Equal(["weekend_window", "margin_floor"], change.ReasonCodes.Take(2));
        Assert.Contains("200% floor", change.FirstReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatOneAndRateLimitedLines_AreCountedNotReplayed()
    {
        var replay = new WhatIfReplay(new WhatIfProfile("esma", p => p with { RegulatoryPreset = RegulatoryPreset.Esma }), RiskPolicy.Default);
        Assert.True(AuditRecordReader.TryRead("""{"at":"2026-01-05T10:00:00Z","login":7,"request":{"symbol":"EURUSD","side":"buy","lots":1},"state":{"currency":"USD","equity":950,"accountLeverage":"unlimited","ageMs":1},"verdict":"approve","lots":1,"reasons":[]}""", 1, out var v1));
        Assert.True(AuditRecordReader.TryRead("""{"v":2,"at":"2026-01-05T10:00:01Z","login":7,"request":{"symbol":"EURUSD","side":"buy","lots":1},"compact":true,"verdict":"reject","lots":0,"reasons":[{"code":"rate_limit"}]}""", 2, out var limited));

        replay.Add(v1!);
        replay.Add(limited!);

        var result = replay.Result();
        Assert.Equal(1, v1!.Version);
        Assert.Equal((0, 1, 1), (result.Replayed, result.NotReplayable, result.RateLimitedOnly));
        Assert.Equal([1], result.NotReplayableLines);
        Assert.Empty(result.Changed);
    }
}
