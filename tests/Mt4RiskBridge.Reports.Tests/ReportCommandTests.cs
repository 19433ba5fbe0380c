using System.Text.Json;

namespace Mt4RiskBridge.Reports.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_WithoutOutputs_WritesHtmlBesideTheInputAndPrintsTheVerdict()
    {
        var input = _folder.File("Statement.htm");
        File.Copy(TestData.PathOf("oanda-omd-statement.htm"), input);
        var run = CommandRun.Of(input);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.True(File.Exists(input + ".report.html"));
        Assert.Equal([
            "Statement.htm: 4 trades, 0.13 lots, net -34.25 USD",
            "needs at least 1:25; effective leverage peaked at 2.17:1 — within the beginner profile (5:1); no adds to losing positions; 1 lot escalation after a loss",
            "rows not used: 3 (listed in the report)",
            "wrote " + input + ".report.html",
        ], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_Help_PrintsUsage()
    {
        var run = CommandRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ReportRequest.Usage + Environment.NewLine, run.Output);
    }

    [Fact]
    public void Run_Json_UsesTheDocumentedNames()
    {
        var json = _folder.File("summary.json");
        var run = CommandRun.Of(TestData.PathOf("oanda-omd-statement.htm"), "--json", json, "--account-leverage", "1:30");
        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(TestData.PathOf("oanda-omd-statement.htm") + ".report.html"));
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        string[] documented =
        [
            "trades", "lots", "netProfit", "deposits", "withdrawals", "maxConcurrentPositions", "stopLossShare",
            "maxRiskPercent", "medianRiskPercent", "peakEffectiveLeverage", "experienceProfile", "marginLevelAtOpen",
            "minimumLeverage", "refusedAt", "leverageDependent", "addsToLosers", "lotEscalations", "maxStackedPositions",
            "heldOverWeekend", "heldOverWeekendMaxLots", "unlimitedEligible", "excludedSymbols",
        ];
        Assert.All(documented, name => Assert.True(root.TryGetProperty(name, out _), name));
        Assert.Equal(-34.25m, root.GetProperty("netProfit").GetDecimal());
        Assert.Equal(2.1695m, root.GetProperty("peakEffectiveLeverage").GetDecimal());
        Assert.Equal(1152.33m, root.GetProperty("marginLevelAtOpen").GetProperty("25").GetDecimal());
        // --account-leverage overrides the header's 1:100: 4 998.72 × 30 / 10 844.80 × 100 = 1 382.80 %.
        Assert.Equal(30m, root.GetProperty("accountLeverage").GetDecimal());
        Assert.Equal(1382.80m, root.GetProperty("marginLevelAtOpen").GetProperty("account").GetDecimal());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("excludedSymbols").ValueKind);
    }

    [Fact]
    public void Run_PeriodStatement_LeavesBalanceFiguresNull()
    {
        // The real statement with its deposit row removed: no balance precedes the first trade.
        var input = _folder.File("period.htm");
        var lines = File.ReadAllLines(TestData.PathOf("oanda-omd-statement.htm")).Where(l => !l.Contains("ADJUSTMENT", StringComparison.Ordinal));
        File.WriteAllLines(input, lines);
        var json = _folder.File("period.json");
        Assert.Equal(0, CommandRun.Of(input, "--json", json).ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        foreach (var name in new[] { "peakEffectiveLeverage", "maxRiskPercent", "medianRiskPercent", "minimumLeverage", "leverageDependent", "experienceProfile" })
            Assert.Equal(JsonValueKind.Null, root.GetProperty(name).ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("marginLevelAtOpen").GetProperty("25").ValueKind);
        Assert.Equal(4, root.GetProperty("trades").GetInt32());
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("No balance row precedes the first trade", StringComparison.Ordinal));
    }
}
