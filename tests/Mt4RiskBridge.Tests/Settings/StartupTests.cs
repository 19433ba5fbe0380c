using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Settings;

public sealed class StartupTests
{
    // With bad settings the service writes nothing but its error list.
    private static Task<(int ExitCode, string Output)> RunServiceAsync(params string[] args) => ServiceProcess.RunToEndAsync(args);

    [Fact]
    public async Task Service_WithBadSettings_ExitsWithCode2AndListsEveryError()
    {
        var (exitCode, errors) = await RunServiceAsync(
            "--Bridge:LogDirectory=",
            "--Bridge:StaleAfterSeconds=0",
            "--Bridge:Endpoint=udp://nowhere",
            "--Risk:MarginLevelFloorPercent=-1",
            "--Risk:RegulatoryPreset=fca",
            "--Risk:LeverageTiers:1:Leverage=lots");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            [
                "Mt4RiskBridge cannot start; fix these settings:",
                "  - Bridge:Endpoint must look like tcp://127.0.0.1:5557",
                "  - Bridge:StaleAfterSeconds must be between 1 and 3600",
                "  - Risk:MarginLevelFloorPercent must be 0 or more, not -1",
                "  - Risk:LeverageTiers:1:Leverage must be a positive ratio (2000 or 1:2000) or \"unlimited\", not \"lots\"",
                "  - Risk:RegulatoryPreset must be none, esma, asic, nfa or fsa-japan, not \"fca\"",
            ],
            errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.StartsWith('-') ? "  " + l : l));
    }

    [Fact]
    public async Task Service_WithUnreadableNumber_NamesTheKey()
    {
        var (exitCode, errors) = await RunServiceAsync("--Bridge:LogDirectory=", "--Risk:RiskPerTradePercent=one");

        Assert.Equal(2, exitCode);
        Assert.Contains("Risk:RiskPerTradePercent", errors, StringComparison.Ordinal);
    }
}
