using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.TestSupport.Drills;
using Mt4RiskBridge.Simulator.Terminals;

namespace Mt4RiskBridge.Tests.Cli;

/// <summary>
/// The service process watching its real settings file (systemd's configuration folder): a file saved half-written,
/// then deleted, neither takes the process down nor lifts the lot cap.
/// </summary>
public sealed class SettingsFileReloadTests : IDisposable
{
    private const string Refused = "Risk settings change refused, keeping the previous limits";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));

    public SettingsFileReloadTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SettingsFile_HalfWrittenThenDeleted_KeepsTheCapAndTheService()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        await File.WriteAllTextAsync(settings, """{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 2 } } }""");
        var endpoint = $"tcp://127.0.0.1:{ServiceProcess.FreePort()}";
        using var service = ServiceProcess.StartBinary(ServiceProcess.DefaultBinary,
            ["--Bridge:Endpoint=" + endpoint, "--Bridge:DataDirectory=" + _folder, "--Bridge:LogDirectory="],
            new Dictionary<string, string?> { ["CONFIGURATION_DIRECTORY"] = _folder });
        await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
        // A Thursday noon server time: a real terminal always reports one, and without it no opening order is approved.
        using var terminal = new SimulatedTerminal(new TerminalProfile { Login = 1001, Balance = 10_000m }, endpoint) { ServerTime = () => 1763640000 };
        terminal.Hello(TimeSpan.FromSeconds(30));
        terminal.SendFullState();
        Assert.Equal((WireVerdict.Resize, 2.00m), Lots(terminal));

        await File.WriteAllTextAsync(settings, """{ "Risk": { "LotCaps": { "MaxLo""");
        await WaitForLineAsync(service, Refused, 1);
        Assert.Equal((WireVerdict.Resize, 2.00m), Lots(terminal));

        File.Delete(settings);
        await WaitForLineAsync(service, Refused, 2);
        Assert.Equal((WireVerdict.Resize, 2.00m), Lots(terminal));
        Assert.False(service.HasExited);
    }

    private static (WireVerdict, decimal) Lots(SimulatedTerminal terminal)
    {
        var decision = terminal.Check("EURUSD", WireSide.Buy, 5.00m, null, TimeSpan.FromSeconds(30));
        return (decision.Verdict, decision.Lots);
    }

    /// <summary>Waits until the service has logged <paramref name="text"/> <paramref name="times"/> times: the reload happened.</summary>
    private static async Task WaitForLineAsync(ServiceProcess service, string text, int times)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (ProcessOutput.Lines(service.Output).Count(l => l.Contains(text, StringComparison.Ordinal)) < times)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the service did not log \"{text}\" {times} times:\n{service.Output}");
            Assert.False(service.HasExited, "the service exited:\n" + service.Output);
            await Task.Delay(100);
        }
    }
}
