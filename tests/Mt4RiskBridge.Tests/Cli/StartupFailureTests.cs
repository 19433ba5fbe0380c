using System.Net;
using System.Net.Sockets;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Cli;

/// <summary>Every way the service can fail to start ends the same way: exit code 2 and one line saying why.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));

    public StartupFailureTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> FailsToStartAsync(params string[] args) => await FailsToStartAsync(null, args);

    private async Task<string> FailsToStartAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var (exitCode, output) = await ServiceProcess.RunToEndAsync(environment, ["--Bridge:DataDirectory=" + _folder, "--Bridge:BindRetries=0", .. args]);
        Assert.Equal(2, exitCode);
        var line = ProcessOutput.Single(output);
        Assert.StartsWith("Mt4RiskBridge cannot start: ", line, StringComparison.Ordinal);
        return line["Mt4RiskBridge cannot start: ".Length..];
    }

    [Fact]
    public async Task BadSetting_IsOneLineWithItsKey()
    {
        Assert.Equal("Risk:MarginLevelFloorPercent must be 0 or more, not -1", await FailsToStartAsync("--Risk:MarginLevelFloorPercent=-1"));
    }

    [Fact]
    public async Task UnknownSetting_IsNamedWithTheNearestKnownKey()
    {
        Assert.Equal(
            "Risk:LotCaps:MaxLotPerOrder is not a known setting; did you mean Risk:LotCaps:MaxLotsPerOrder?",
            await FailsToStartAsync("--Risk:LotCaps:MaxLotPerOrder=2"));
    }

    [Fact]
    public async Task InvalidPort_IsRefusedBeforeBinding()
    {
        Assert.Equal(
            "Bridge:Endpoint port must be between 0 and 65535, not \"tcp://127.0.0.1:70000\"",
            await FailsToStartAsync("--Bridge:Endpoint=tcp://127.0.0.1:70000"));
    }

    [Fact]
    public async Task BusyPort_SaysItIsInUse()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        Assert.Equal(
            $"Bridge:Endpoint tcp://127.0.0.1:{port} is in use by another process (is the service already running?)",
            await FailsToStartAsync($"--Bridge:Endpoint=tcp://127.0.0.1:{port}"));
    }

    [Fact]
    public async Task DataFolderThatCannotBeCreated_IsNamed()
    {
        // A regular file where a folder should be: not writable even for root.
        var file = Path.Combine(_folder, "plain-file");
        await File.WriteAllTextAsync(file, "");

        var reason = await FailsToStartAsync("--Bridge:DataDirectory=" + Path.Combine(file, "data"));

        Assert.StartsWith($"Bridge:DataDirectory: cannot write to {Path.Combine(file, "data")} (", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditFolderThatCannotBeWritten_IsNamed()
    {
        var file = Path.Combine(_folder, "plain-file");
        await File.WriteAllTextAsync(file, "");

        var reason = await FailsToStartAsync("--Bridge:AuditPath=" + Path.Combine(file, "decisions.jsonl"));

        Assert.StartsWith($"Bridge:AuditPath: cannot write to {file} (", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateFileThatIsNotADatabase_IsNamed()
    {
        var state = Path.Combine(_folder, "state.db");
        await File.WriteAllTextAsync(state, "these are not the pages of a SQLite database, but they are long enough to be read as a header");

        var reason = await FailsToStartAsync("--Limits:StatePath=" + state);

        Assert.StartsWith("Limits:StatePath: SQLite Error 26: 'file is not a database'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettingsFile_NamesTheFileAndThePlace()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), """{ "Risk": { "MarginLevelFloorPercent": 150, } """);

        var reason = await FailsToStartAsync(new Dictionary<string, string?> { ["CONFIGURATION_DIRECTORY"] = _folder });

        Assert.StartsWith($"{Path.Combine(_folder, "appsettings.json")} is not valid JSON: ", reason, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", reason, StringComparison.Ordinal);
    }
}
