using System.Text.Json;
using Mt4RiskBridge.TestSupport.Statements;

namespace Mt4RiskBridge.Reports.Tests;

/// <summary>
/// The 10,000-trade statement of the report benchmark (docs/benchmarks.md), read by the whole command: its figures
/// must be the rows the generator wrote, so the benchmark times a report that is right. The generator adds up each
/// row as it writes it; the report reads them back from MT4's HTML (space-separated thousands, financing rows,
/// 48 cancelled pending orders, an excluded XTIUSD). Not timed.
/// </summary>
public sealed class SyntheticStatementTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Report_TenThousandTrades_MatchesTheRowsWritten()
    {
        var statement = SyntheticStatement.Build(10_000);
        var input = _folder.File("statement-10000.htm");
        File.WriteAllText(input, statement.Html);
        var json = _folder.File("summary.json");

        var run = CommandRun.Of(input, "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.Equal(10_000, statement.Trades);
        Assert.Equal(statement.Trades, root.GetProperty("trades").GetInt32());
        Assert.Equal(statement.Lots, root.GetProperty("lots").GetDecimal());
        Assert.Equal(statement.NetProfit, root.GetProperty("netProfit").GetDecimal());
        Assert.Equal(statement.Deposits, root.GetProperty("deposits").GetDecimal());
        Assert.Equal(statement.Withdrawals, root.GetProperty("withdrawals").GetDecimal());
        // A percent to four places: trades with a stop × 100 / 10,000 is exact at that precision.
        Assert.Equal(statement.TradesWithStop / 100m, root.GetProperty("stopLossShare").GetDecimal());
        Assert.Equal(["xtiusd"], root.GetProperty("excludedSymbols").EnumerateArray().Select(e => e.GetString()));
        // i = 0, 211, …, 9 917: 48 cancelled pending orders, listed as unused rather than dropped.
        var cancelled = root.GetProperty("unusedRows").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32());
        Assert.Equal(48, cancelled);
    }
}
