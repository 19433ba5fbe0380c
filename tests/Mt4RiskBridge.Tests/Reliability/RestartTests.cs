using Mt4RiskBridge.TestSupport.Drills;
using Xunit.Abstractions;

namespace Mt4RiskBridge.Tests.Reliability;

public sealed class RestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KilledService_RestartedOnItsPort_TerminalsResyncAndNothingIsLostOrApprovedOnOldState()
    {
        var folder = Directory.CreateTempSubdirectory("mt4rb-restart").FullName;
        try
        {
            var progress = new StringWriter();
            var report = await new RestartDrill(new RestartDrillOptions
            {
                Folder = folder,
                Terminals = 4,
                Restarts = 2,
                TrafficPerRun = TimeSpan.FromSeconds(1),
                Progress = progress,
            }).RunAsync();
            output.WriteLine(progress.ToString());
            output.WriteLine(report.ToString());

            Assert.Empty(report.MissingFromAudit);
            Assert.Equal(0, report.TornLines);
            Assert.Empty(report.StaleApprovals);
            Assert.Equal(0, report.ProbeApprovals);
            Assert.Equal(0, report.ResyncFailures);
            Assert.Equal(2, report.ResyncSeconds.Count);
            // The drill proves something only if decisions, approvals among them, crossed each restart.
            Assert.True(report.Approvals > 10, report.ToString());
            Assert.True(report.AuditLines >= report.DecisionsReceived, report.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
