using System.Diagnostics;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The library's JSON and UTF-8 checks (mql4/tests/runner/UnitTests.cpp), compiled from the shipped .mqh.</summary>
[Collection(HarnessGroup.Name)]
public sealed class UnitHarnessTests(HarnessBuild build)
{
    [Fact]
    public async Task JsonAndUtf8_CompiledFromTheInclude_AllChecksPass()
    {
        var info = new ProcessStartInfo(build.Unit) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeouts.Exit);
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, output);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Harness_CompilesEveryMql4File()
    {
        var root = Path.Combine(build.RepositoryRoot, "mql4", "MQL4");
        var shipped = Directory.EnumerateFiles(root, "*.mq?", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.NotEmpty(shipped);
        var prepared = Path.Combine(build.BuildDirectory, "mql");
        foreach (var file in shipped)
        {
            Assert.True(File.Exists(Path.Combine(prepared, file)), $"{file} was not prepared for g++");
            if (file.EndsWith(".mqh", StringComparison.Ordinal))
            {
                var stamp = Path.Combine(build.BuildDirectory, "headers", file.Replace('/', '_') + ".ok");
                Assert.True(File.Exists(stamp), $"{file} was not compiled on its own");
            }
        }
        foreach (var expert in shipped.Where(f => f.EndsWith(".mq4", StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(expert);
            Assert.True(File.Exists(Path.Combine(build.BuildDirectory, "experts", name + ".so")), $"{expert} was not compiled");
        }
    }

    [Fact]
    public void MqlZmq_PinnedCommit_SameInTheVendoredNoteAndTheReadme()
    {
        var note = File.ReadAllText(Path.Combine(build.HarnessDirectory, "mql-zmq", "SOURCE.md"));
        var readme = File.ReadAllText(Path.Combine(build.RepositoryRoot, "mql4", "README.md"));
        Assert.Contains("Commit: `" + MqlZmq.PinnedCommit + "`", note, StringComparison.Ordinal);
        Assert.Contains("commit\n   `" + MqlZmq.PinnedCommit + "`", readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(build.HarnessDirectory, "mql-zmq", "LICENSE")), "the binding's licence is kept beside it");
    }
}
