using System.Text;

namespace Mt4RiskBridge.Reports.Tests;

/// <summary>docs/report.md is a public contract: its JSON example is what the command writes.</summary>
public sealed class ReportDocTests
{
    private static readonly string Doc = File.ReadAllText(FindDoc());

    [Fact]
    public void JsonExample_IsTheSummaryOfTheNamedFile()
    {
        const string open = "```json\n";
        var start = Doc.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var example = Doc[start..Doc.IndexOf("\n```", start, StringComparison.Ordinal)];
        using var stream = new MemoryStream();
        SummaryJson.Write(stream, TestData.Report("oanda-omd-statement.htm"));
        Assert.Equal(example, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData("trades"), InlineData("lots"), InlineData("netProfit"), InlineData("deposits"), InlineData("withdrawals")]
    [InlineData("maxConcurrentPositions"), InlineData("stopLossShare"), InlineData("maxRiskPercent"), InlineData("medianRiskPercent")]
    [InlineData("peakEffectiveLeverage"), InlineData("experienceProfile"), InlineData("marginLevelAtOpen[L]"), InlineData("minimumLeverage")]
    [InlineData("refusedAt[L]"), InlineData("leverageDependent"), InlineData("addsToLosers"), InlineData("lotEscalations")]
    [InlineData("maxStackedPositions"), InlineData("heldOverWeekend"), InlineData("heldOverWeekendMaxLots"), InlineData("unlimitedEligible")]
    [InlineData("excludedSymbols")]
    public void Definitions_NameEveryFigure(string name) => Assert.Contains($"| `{name}`", Doc, StringComparison.Ordinal);

    internal static string DocPath => FindDoc();

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "report.md");
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException("docs/report.md not found above " + AppContext.BaseDirectory);
    }
}
