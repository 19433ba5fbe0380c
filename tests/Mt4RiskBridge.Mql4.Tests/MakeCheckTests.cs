using System.Diagnostics;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>
/// <c>make -C mql4/tests check</c>: the lint, the strict compile of every MQL4 file against the pinned mql-zmq
/// declarations, the JSON/UTF-8 checks and every scenario the stand-in service can play (mql4/tests/scenarios.sh).
/// </summary>
[Collection(HarnessGroup.Name)]
public sealed class MakeCheckTests(HarnessBuild build)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task MakeCheck_LintCompileAndEveryStandInScenario_AllPass()
    {
        _ = build.BuildDirectory; // built once for the collection
        var info = new ProcessStartInfo("make", ["-C", build.HarnessDirectory, "check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(CheckTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        foreach (var scenario in new[]
                 {
                     "state", "order-approve", "order-resize", "order-sized", "order-reject", "pushes", "sockets", "dlls-off", "slow-decision",
                     "strategy-pushes", "long-warning", "longer-warning", "zero-tickvalue", "close-requote", "curve", "readme-example", "reattach", "tester",
                 })
        {
            Assert.Contains("PASS " + scenario + "\n", output, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }
}
