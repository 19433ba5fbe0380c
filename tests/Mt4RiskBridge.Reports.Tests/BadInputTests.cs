namespace Mt4RiskBridge.Reports.Tests;

/// <summary>Every bad input is one line on stderr and exit code 2, never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string RealStatement => File.ReadAllText(TestData.PathOf("oanda-omd-statement.htm"));

    private static void AssertOneLine(CommandRun run, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("report: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void Report_NotAStatement_SaysSo()
    {
        var path = _folder.File("page.htm");
        File.WriteAllText(path, "<html><head><title>My trading blog</title></head><body><table><tr><td>EURUSD</td></tr></table></body></html>");
        AssertOneLine(CommandRun.Of(path), "page.htm is not an MT4 Detailed Statement, Strategy Tester report or decisions.jsonl");
    }

    [Fact]
    public void Report_TruncatedStatement_SaysTruncated()
    {
        var path = _folder.File("cut.htm");
        var text = RealStatement;
        File.WriteAllText(path, text[..(text.Length / 2)]);
        AssertOneLine(CommandRun.Of(path), "cut.htm is truncated");
    }

    [Fact]
    public void Report_StatementWithoutTrades_SaysNoTrades()
    {
        // The real statement with every buy and sell row taken out: balance rows only.
        var path = _folder.File("empty.htm");
        var lines = RealStatement.Split('\n').Where(l => !l.Contains("<td>buy</td>", StringComparison.Ordinal) && !l.Contains("<td>sell</td>", StringComparison.Ordinal));
        File.WriteAllText(path, string.Join('\n', lines));
        AssertOneLine(CommandRun.Of(path), "empty.htm has no closed trades to report on");
    }

    [Fact]
    public void Report_HugeFile_IsRefusedBeforeReading()
    {
        var path = _folder.File("huge.htm");
        using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024); // sparse: no 200 MB written
        AssertOneLine(CommandRun.Of(path), "huge.htm is 200.0 MB; MT4 reports up to 64 MB are read");
    }

    [Fact]
    public void Report_EuroAccountWithoutEurPairs_CannotConvert()
    {
        // A real EUR statement trading usdjpy, usdchf and usdtry only: no EURUSD price to convert with.
        AssertOneLine(CommandRun.Of(TestData.PathOf("swissquote-eur-statement.htm")),
            "the account is in EUR but the history has no EURUSD or USDEUR trades to convert USD amounts with");
    }

    [Fact]
    public void Report_MissingFile_SaysSo()
    {
        AssertOneLine(CommandRun.Of(_folder.File("nowhere.htm")), "nowhere.htm: no such file");
    }

    [Fact]
    public void Report_UnknownOption_PrintsUsage()
    {
        var run = CommandRun.Of(TestData.PathOf("oanda-omd-statement.htm"), "--what-ever", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["report: unknown option --what-ever", ReportRequest.Usage], run.ErrorLines);
    }

    [Fact]
    public void Report_BadContractsFile_NamesTheLine()
    {
        var contracts = _folder.File("contracts.csv");
        File.WriteAllText(contracts, "symbol,contract\nxtiusd,lots\n");
        AssertOneLine(CommandRun.Of(TestData.PathOf("tradeslide-statement.htm"), "--contracts", contracts), "line 2: expected symbol,contract[,currency]");
    }
}
