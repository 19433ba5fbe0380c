using Mt4RiskBridge.TestSupport.Drills;
using Xunit.Abstractions;

namespace Mt4RiskBridge.Tests.Reliability;

public sealed class ConnectionFloodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task IdleConnectionsBeyondTheFileLimit_NeitherKillTheServiceNorStopItDeciding()
    {
        var folder = Directory.CreateTempSubdirectory("mt4rb-flood").FullName;
        try
        {
            // 1,500 silent connections against a process allowed 1,024 open files.
            var report = await new ConnectionFloodDrill(folder, idleConnections: 1500, maxOpenFiles: 1024, hold: TimeSpan.FromSeconds(1)).RunAsync();
            output.WriteLine(report.ToString());

            Assert.True(report.AliveAfterFlood, report.ToString());
            Assert.True(report.ServedDuringFlood, report.ToString());
            Assert.True(report.ServedAfterFlood, report.ToString());
            Assert.True(report.FileDescriptorsDuringFlood < 1024, report.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(2048, true)]
    [InlineData(100, false)]
    public async Task Start_LogsTheOpenFileLimit_AndWarnsWhenMaxConnectionsCannotFit(int maxConnections, bool warns)
    {
        var folder = Directory.CreateTempSubdirectory("mt4rb-nofile").FullName;
        try
        {
            using (var service = ServiceProcess.StartWithFileLimit(1024,
                "--Bridge:Endpoint=tcp://127.0.0.1:0",
                "--Bridge:MaxConnections=" + maxConnections,
                "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
                "--Bridge:LogDirectory=",
                "--Limits:StatePath=" + Path.Combine(folder, "state.db")))
            {
                // Both lines come before the one that says the service is listening.
                await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
                var lines = service.Output.Split('\n');

                Assert.Single(lines, l => l.Contains("Open-file limit: soft 1024, hard 1024", StringComparison.Ordinal));
                var warning = lines.Where(l => l.Contains($"Bridge:MaxConnections {maxConnections} is more than the", StringComparison.Ordinal)).ToList();
                Assert.Equal(warns ? 1 : 0, warning.Count);
                if (warns) Assert.Contains("WRN", warning[0], StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
