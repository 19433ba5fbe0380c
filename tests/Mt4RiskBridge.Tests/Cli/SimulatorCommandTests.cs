using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Cli;

public sealed class SimulatorCommandTests
{
    private static string Simulator => Path.Combine(AppContext.BaseDirectory, "Mt4RiskBridge.Simulator.dll");

    [Fact]
    public async Task Simulator_WithNoServiceToWelcomeIt_SaysSoAndExits1()
    {
        var endpoint = $"tcp://127.0.0.1:{ServiceProcess.FreePort()}";
        using var simulator = ServiceProcess.StartBinary(Simulator, [endpoint, "2", "1", "--hello-timeout", "1"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var exitCode = await simulator.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, exitCode);
        var lines = ProcessOutput.Lines(simulator.Output).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                $"account 90000: no welcome from {endpoint} within 1 s (hello of account 90000 was answered with silence); is the service running there? (--hello-timeout SECONDS waits longer)",
                $"account 90001: no welcome from {endpoint} within 1 s (hello of account 90001 was answered with silence); is the service running there? (--hello-timeout SECONDS waits longer)",
            ],
            lines);
    }

    [Fact]
    public async Task Simulator_WithAnUnreadableCount_PrintsUsageAndExits2()
    {
        using var simulator = ServiceProcess.StartBinary(Simulator, ["tcp://127.0.0.1:5557", "ten"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        Assert.Equal(2, await simulator.WaitForExitAsync(timeout.Token));
        Assert.StartsWith("usage: Mt4RiskBridge.Simulator", ProcessOutput.Single(simulator.Output), StringComparison.Ordinal);
    }
}
