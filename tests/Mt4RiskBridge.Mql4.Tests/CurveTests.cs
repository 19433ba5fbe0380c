using NetMQ;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The EAs given the service's CURVE public key talk to the real service running with CURVE on.</summary>
[Collection(HarnessGroup.Name)]
public sealed class CurveTests(HarnessBuild build)
{
    [Fact]
    public async Task Experts_GivenTheServiceCurveKey_WelcomedAndCheckApproved()
    {
        var keys = Path.Combine(Path.GetTempPath(), "mt4riskbridge-curve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(keys);
        try
        {
            var pair = new NetMQCertificate();
            var publicFile = Path.Combine(keys, "server.pub");
            var secretFile = Path.Combine(keys, "server.key");
            await File.WriteAllTextAsync(publicFile, pair.PublicKeyZ85);
            await File.WriteAllTextAsync(secretFile, pair.SecretKeyZ85);
            await using var host = await BridgeHost.StartAsync(settings:
                ["--Bridge:Curve:PublicKeyFile=" + publicFile, "--Bridge:Curve:SecretKeyFile=" + secretFile]);
            using var run = ScenarioRun.Start(build, "curve", host.Endpoint, "--login", "7601", "--server-key", pair.PublicKeyZ85);

            await run.AssertPassesAsync(Timeouts.Exit);
            Assert.True(host.Book.TryGet(7601, out var view), "the account reached the service over CURVE");
            Assert.True(view.HasAccount);
            Assert.Contains(run.Lines, l => l.StartsWith("ORDERSEND [Mt4RiskBridgeSampleEA] EURUSD cmd=0 lots=0.10", StringComparison.Ordinal) &&
                                            l.EndsWith("error=0", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }
}
