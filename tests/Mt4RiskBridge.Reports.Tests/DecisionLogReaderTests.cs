namespace Mt4RiskBridge.Reports.Tests;

public sealed class DecisionLogReaderTests
{
    [Fact]
    public void Report_TornLastLine_IsCountedNotFatal()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var log = Path.Combine(folder, "decisions.jsonl");
            File.WriteAllText(log,
                """{"at":"2026-01-05T10:00:00Z","login":7,"verdict":"approve","reasons":[]}""" + "\n" +
                """{"at":"2026-01-05T10:00:01Z","login":7,"verdict":"reject","reasons":[{"code":"lot_cap_order"}]}""" + "\n" +
                """{"at":"2026-01-05T10:00:02Z","login":7,"verd""");
            var summary = DecisionLogReader.Read(log);
            Assert.Equal(2, summary.Decisions);
            Assert.Equal(1, summary.UnreadableLines);
            Assert.Equal([3], summary.UnreadableLineNumbers);
            Assert.Equal(1, summary.ByReason["lot_cap_order"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
