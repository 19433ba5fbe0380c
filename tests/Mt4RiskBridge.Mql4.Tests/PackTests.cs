using System.Diagnostics;
using System.IO.Compression;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>mql4/pack.sh: one zip laid out as an MT4 data folder, with the README and nothing else.</summary>
[Collection(HarnessGroup.Name)]
public sealed class PackTests(HarnessBuild build)
{
    [Fact]
    public async Task Pack_WritesZipOfTheDataFolderLayoutAndReadme()
    {
        var mql4 = Path.Combine(build.RepositoryRoot, "mql4");
        var folder = Path.Combine(Path.GetTempPath(), "mt4riskbridge-pack-" + Guid.NewGuid().ToString("N"));
        var zip = Path.Combine(folder, "out.zip");
        try
        {
            var info = new ProcessStartInfo("sh", [Path.Combine(mql4, "pack.sh"), zip])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(Timeouts.Exit);
            await process.WaitForExitAsync(cts.Token);
            Assert.True(process.ExitCode == 0, output);

            var expected = Directory.EnumerateFiles(Path.Combine(mql4, "MQL4"), "*.mq?", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(mql4, f).Replace('\\', '/'))
                .Append("README.md")
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Contains("MQL4/Experts/Mt4RiskBridgeMonitor.mq4", expected);
            Assert.Contains("MQL4/Include/Mt4RiskBridge/RiskBridge.mqh", expected);

            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(expected, archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList());
            foreach (var entry in archive.Entries)
            {
                await using var stream = entry.Open();
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(mql4, entry.FullName)), copy.ToArray());
            }
            using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
            Assert.Contains(MqlZmq.PinnedCommit, await readme.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
