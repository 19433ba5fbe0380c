using Mt4RiskBridge.TestSupport.Drills;
using Mt4RiskBridge.Tests.Bridge;
using Xunit.Abstractions;

namespace Mt4RiskBridge.Tests.Reliability;

/// <summary>
/// A short run of the fuzz drill (the bench runs 100,000 and more; see docs/reliability.md): hostile frames over
/// real sockets, every readable id answered exactly once, and the service still deciding afterwards.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HostileMessages_AreEachAnsweredAndTheServiceKeepsDeciding()
    {
        const int maxMessageBytes = 64 * 1024;
        await using var bridge = await BridgeHarness.StartAsync("{}",
            "--Bridge:MaxMessageBytes=" + maxMessageBytes, "--Bridge:MaxMessagesPerSecond=10000000",
            "--Bridge:MaxBytesPerSecond=2147483647", "--Bridge:MaxUnauthenticatedMessagesPerSecond=1000000");

        var report = new FuzzDrill(bridge.Endpoint, maxMessageBytes, seed: 7).Run(4_000, connections: 4);
        output.WriteLine(report.ToString());

        Assert.True(report.Passed, report + "\n" + string.Join("\n", report.Examples));
        Assert.True(report.WithId > 2_000, report.ToString());
        Assert.True(report.Replies.GetValueOrDefault("decision") > 0, report.ToString());
        Assert.True(report.Replies.GetValueOrDefault("error bad_field") > 0, report.ToString());
        Assert.True(report.Replies.GetValueOrDefault("error too_large") > 0, report.ToString());
    }
}
