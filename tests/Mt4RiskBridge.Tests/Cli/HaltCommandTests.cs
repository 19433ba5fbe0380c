using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Terminals;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Cli;

/// <summary>
/// <c>halt</c> and <c>resume</c>, run as the README writes them, reach the running service (the real binary, its
/// dashboard on a loopback port) and the account's next check is judged by what they did.
/// </summary>
public sealed class HaltCommandTests : IDisposable
{
    private const string Token = "operator-secret-token";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));

    public HaltCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task HaltThenResume_FromTheCommandLine_ReachTheRunningService_AndItsNextCheck()
    {
        var (service, dashboard, bridge, terminal) = await StartWithTerminalAsync();
        using (service)
        using (terminal)
        {
            Assert.Equal(WireVerdict.Approve, Open(terminal).Verdict);

            var (exitCode, output) = await ServiceProcess.RunToEndAsync(
                "halt", "1001", "news week", "--Dashboard:Endpoint=" + dashboard, "--Dashboard:OperatorToken=" + Token);

            Assert.True(exitCode == 0, output + "\n--- service:\n" + service.Output);
            var line = ProcessOutput.Single(output);
            Assert.Matches($@"^account 1001 halted: news week \(trading state HALTED\) by Mt4RiskBridge \S+ \(pid {service.Id}, terminals at {bridge}\) at {dashboard}/$", line);
            var halted = Open(terminal);
            Assert.Equal(WireVerdict.Reject, halted.Verdict);
            var reason = halted.Reasons[0];
            Assert.Equal(ReasonCode.TradingHalted, reason.Code);
            Assert.Contains("news week", reason.Message, StringComparison.Ordinal);

            (exitCode, output) = await ServiceProcess.RunToEndAsync(
                "resume", "1001", "--Dashboard:Endpoint=" + dashboard, "--Dashboard:OperatorToken=" + Token);

            Assert.Equal(0, exitCode);
            Assert.StartsWith("account 1001 resumed (trading state ", ProcessOutput.Single(output), StringComparison.Ordinal);
            Assert.Equal(WireVerdict.Approve, Open(terminal).Verdict);
            Assert.DoesNotContain(Token, service.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Halt_WithAWrongToken_SaysSoAndExits1_AndTheAccountStillTrades()
    {
        var (service, dashboard, bridge, terminal) = await StartWithTerminalAsync();
        using (service)
        using (terminal)
        {
            var (exitCode, output) = await ServiceProcess.RunToEndAsync(
                "halt", "1001", "--Dashboard:Endpoint=" + dashboard, "--Dashboard:OperatorToken=guess");

            Assert.Equal(1, exitCode);
            Assert.EndsWith("the service refused the operator token; set Dashboard:OperatorToken to the service's token", ProcessOutput.Single(output), StringComparison.Ordinal);
            Assert.DoesNotContain("guess", output, StringComparison.Ordinal);
            Assert.Equal(WireVerdict.Approve, Open(terminal).Verdict);
        }
    }

    [Fact]
    public async Task Halt_WithNoServiceRunning_FailsInOneLine()
    {
        var endpoint = $"http://127.0.0.1:{ServiceProcess.FreePort()}";

        var (exitCode, output) = await ServiceProcess.RunToEndAsync("halt", "1001", "--Dashboard:Endpoint=" + endpoint);

        Assert.Equal(3, exitCode);
        var line = ProcessOutput.Single(output);
        Assert.StartsWith($"halt: no Mt4RiskBridge service answered at {endpoint}/ (", line, StringComparison.Ordinal);
        Assert.EndsWith("write the state file itself with --state-file PATH", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_WithNoServiceRunning_AndAStateFile_SaysItWritesTheFileInstead()
    {
        var endpoint = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        var stateFile = Path.Combine(_folder, "state.db");

        var (exitCode, output) = await ServiceProcess.RunToEndAsync("halt", "1001", "news week", "--state-file", stateFile, "--Dashboard:Endpoint=" + endpoint);

        Assert.Equal(0, exitCode);
        var lines = ProcessOutput.Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"no service answered at {endpoint}/ (", lines[0], StringComparison.Ordinal);
        Assert.Contains($"writing {stateFile} instead", lines[0], StringComparison.Ordinal);
        Assert.Equal("account 1001 halted: news week", lines[1]);
        Assert.True(File.Exists(stateFile));
    }

    /// <summary>The service binary with an operator token and its dashboard on a free port, and one terminal reporting its state.</summary>
    private async Task<(ServiceProcess Service, string Dashboard, string Bridge, SimulatedTerminal Terminal)> StartWithTerminalAsync()
    {
        var endpoint = $"tcp://127.0.0.1:{ServiceProcess.FreePort()}";
        var dashboard = $"http://127.0.0.1:{ServiceProcess.FreePort()}";
        var service = ServiceProcess.StartBinary(ServiceProcess.DefaultBinary,
            ["--Bridge:Endpoint=" + endpoint, "--Bridge:DataDirectory=" + _folder, "--Bridge:LogDirectory=",
                "--Dashboard:Endpoint=" + dashboard, "--Dashboard:OperatorToken=" + Token]);
        try
        {
            await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
            // A Thursday noon server time: a real terminal always reports one, and without it no opening order is approved.
            var terminal = new SimulatedTerminal(new TerminalProfile { Login = 1001, Balance = 10_000m }, endpoint) { ServerTime = () => 1763640000 };
            terminal.Hello(TimeSpan.FromSeconds(30));
            terminal.SendFullState();
            return (service, dashboard, endpoint, terminal);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Checks an order on fresh state, as a terminal that streams its account would: the halt and resume commands are
    /// processes of their own, and on a loaded machine they can outlast Bridge:StaleAfterSeconds.
    /// </summary>
    private static DecisionMessage Open(SimulatedTerminal terminal)
    {
        terminal.SendFullState();
        return terminal.Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(30));
    }
}
