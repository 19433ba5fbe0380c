using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// <c>report decisions.jsonl --what-if esma</c> on a log the demo wrote: the real host with <c>--demo</c> (its embedded
/// terminal on a socket, the shipped settings, the test clock at Friday 2026-11-20 12:00 UTC, server time 14:00) runs
/// the demo's five scripted checks, then stops. The demo account is 950 USD at unlimited leverage; ESMA caps EURUSD
/// and USDJPY at 1:30, and the default policy keeps a 200% margin floor.
/// </summary>
public sealed class DemoWhatIfTests
{
    private const int ScriptedChecks = 5;

    [Fact]
    public async Task WhatIfEsma_OnTheDemosLog_ChangesTheThreeChecksWorkedOutByHand()
    {
        var bridge = await BridgeHarness.StartAsync("{}", BridgeApp.DemoSwitch);
        await using (bridge)
        {
            // The demo pauses 1.5 s after each check, so its five scripted checks take about ten seconds.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (LineCount(bridge.AuditPath) < ScriptedChecks)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("the demo did not make its five scripted checks within 90 s");
                await Task.Delay(100);
            }
            await bridge.StopAsync();
            var log = (await File.ReadAllLinesAsync(bridge.AuditPath)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            var json = Path.Combine(bridge.Folder, "whatif.json");

            Assert.Equal(0, await BridgeApp.RunAsync(["report", bridge.AuditPath, "--what-if", "esma", "--json", json]));

            // What the demo was told: 1 EURUSD approved, 50 EURUSD resized by the tier crossing, 5 GBPUSD rejected,
            // 0.10 USDJPY approved, 1 GBPUSD rejected inside the weekend window.
            Assert.Equal(
                [("EURUSD", 1.00m, "approve", 1.00m), ("EURUSD", 50.00m, "resize", 8.09m), ("GBPUSD", 5.00m, "reject", 0m),
                 ("USDJPY", 0.10m, "approve", 0.10m), ("GBPUSD", 1.00m, "reject", 0m)],
                log.Take(ScriptedChecks).Select(l => (
                    l.GetProperty("request").GetProperty("symbol").GetString(), l.GetProperty("request").GetProperty("lots").GetDecimal(),
                    l.GetProperty("verdict").GetString(), l.GetProperty("lots").GetDecimal())));
            // The facts the first check's arithmetic below uses, as recorded.
            Assert.Equal(950m, log[0].GetProperty("state").GetProperty("equity").GetDecimal());
            var quote = log[0].GetProperty("facts").GetProperty("quotes")[0];
            Assert.Equal(("EURUSD", 1.09994m, 1.10006m), (quote[0].GetString(), quote[1].GetDecimal(), quote[2].GetDecimal()));
            Assert.Equal(8.09m + 1.00m, log[3].GetProperty("state").GetProperty("openLots").GetDecimal());
            Assert.Equal(1022.72m, log[3].GetProperty("state").GetProperty("equity").GetDecimal());

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var whatIf = report.RootElement.GetProperty("whatIf");
            Assert.Equal("esma", whatIf.GetProperty("profile").GetString());
            // Every check is judged again; under the shipped policy each reproduces what the service sent.
            Assert.Equal(log.Length, whatIf.GetProperty("replayed").GetInt32());
            Assert.Equal(log.Length, whatIf.GetProperty("reproduced").GetInt32());
            var changed = whatIf.GetProperty("changed").EnumerateArray()
                .Where(c => c.GetProperty("line").GetInt32() <= ScriptedChecks)
                .Select(c => (c.GetProperty("line").GetInt32(), c.GetProperty("recordedVerdict").GetString(), c.GetProperty("recordedLots").GetDecimal(),
                    c.GetProperty("verdict").GetString(), c.GetProperty("lots").GetDecimal(), c.GetProperty("reasons")[0].GetString()))
                .ToArray();
            Assert.Equal(
            [
                // Line 1: one EURUSD lot at the ask 1.10006 needs 110,006 ÷ 30 = 3,666.87 USD of margin; 950 USD less the
                // 12 USD-per-lot spread (1.10006 − 1.09994) at a 200% floor allows 950 ÷ (2 × 3,666.87 + 12) = 0.1293 → 0.12.
                (1, "approve", 1.00m, "resize", 0.12m, "margin_floor"),
                // Line 2: the 1.00 lot already held needs 3,666.87 USD against 938 USD of equity (25.6%), below the
                // floor before anything is added, so no size passes: reject.
                (2, "resize", 8.09m, "reject", 0m, "margin_floor"),
                // Line 3 (GBPUSD, rejected by the tier crossing) stays rejected.
                // Line 4: 9.09 EURUSD lots held need 9.09 × 3,666.87 = 33,331.8 USD against 1,022.72 USD (3.1%): reject.
                (4, "approve", 0.10m, "reject", 0m, "margin_floor"),
                // Line 5 (inside the weekend window) stays rejected.
            ], changed);
        }
    }

    private static int LineCount(string path) => File.Exists(path) ? File.ReadLines(path).Count() : 0;
}
