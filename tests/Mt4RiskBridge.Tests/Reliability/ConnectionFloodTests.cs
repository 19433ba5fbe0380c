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
}
