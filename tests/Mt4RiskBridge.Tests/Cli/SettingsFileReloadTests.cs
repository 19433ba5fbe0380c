using Mt4RiskBridge.Core;
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
    private const string Refused = "Settings change refused, keeping the previous values";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));

    public SettingsFileReloadTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SettingsFile_HalfWrittenThenDeleted_KeepsTheCapAndTheService()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        var (service, terminal) = await StartAsync("""{ "Risk": { "LotCaps": { "MaxLotsPerOrder": 2 } } }""");
        using var running = service;
        using var connected = terminal;
        Assert.Equal((WireVerdict.Resize, 2.00m), Lots(terminal));

        await File.WriteAllTextAsync(settings, """{ "Risk": { "LotCaps": { "MaxLo""");
        await WaitForLineAsync(service, Refused, 1);
        Assert.Equal((WireVerdict.Resize, 2.00m), Lots(terminal));

        File.Delete(settings);
        await WaitForLineAsync(service, Refused, 2);
        Assert.Equal((WireVerdict.Resize, 2.00m), Lots(terminal));
        Assert.False(service.HasExited);
    }

    [Fact]
    public async Task SettingsFile_ChangedWhileRunning_AppliesLiveKeysAndSaysWhichNeedARestart()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        var (service, terminal) = await StartAsync("""{ "Limits": { "Halted": false }, "Bridge": { "HeartbeatMs": 1000 } }""");
        using var running = service;
        using var connected = terminal;
        Assert.Equal(WireVerdict.Approve, terminal.Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(30)).Verdict);

        // Saved by an editor, seen by the service's own file watcher.
        await File.WriteAllTextAsync(settings, """{ "Limits": { "Halted": true }, "Bridge": { "HeartbeatMs": 2000 } }""");
        await WaitForLineAsync(service, "Settings reloaded", 1);

        var decision = terminal.Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(30));
        Assert.Equal(WireVerdict.Reject, decision.Verdict);
        Assert.Contains(ReasonCode.TradingHalted, decision.Reasons.Select(r => r.Code));
        // One warning for the key however often the watcher fires, and the key only, not its value.
        var restart = Assert.Single(ProcessOutput.Lines(service.Output), l => l.Contains("restart needed", StringComparison.Ordinal));
        Assert.Contains("restart needed: Bridge:HeartbeatMs", restart, StringComparison.Ordinal);
        Assert.DoesNotContain("2000", restart, StringComparison.Ordinal);
    }

    /// <summary>The service binary reading <paramref name="settingsJson"/> from its configuration folder, and one terminal that sent its state.</summary>
    private async Task<(ServiceProcess Service, SimulatedTerminal Terminal)> StartAsync(string settingsJson)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), settingsJson);
        var endpoint = $"tcp://127.0.0.1:{ServiceProcess.FreePort()}";
        var service = ServiceProcess.StartBinary(ServiceProcess.DefaultBinary,
            ["--Bridge:Endpoint=" + endpoint, "--Bridge:DataDirectory=" + _folder, "--Bridge:LogDirectory="],
            new Dictionary<string, string?> { ["CONFIGURATION_DIRECTORY"] = _folder });
        await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
        // A Thursday noon server time: a real terminal always reports one, and without it no opening order is approved.
        var terminal = new SimulatedTerminal(new TerminalProfile { Login = 1001, Balance = 10_000m }, endpoint) { ServerTime = () => 1763640000 };
        terminal.Hello(TimeSpan.FromSeconds(30));
        terminal.SendFullState();
        return (service, terminal);
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
