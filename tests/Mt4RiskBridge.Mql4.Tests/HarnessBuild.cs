using System.Diagnostics;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>
/// Builds mql4/tests with make once for the whole collection. Missing tools fail every test with what to install;
/// nothing is skipped.
/// </summary>
public sealed class HarnessBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly Lazy<string> _built;

    public HarnessBuild()
    {
        RepositoryRoot = FindRepositoryRoot();
        HarnessDirectory = Path.Combine(RepositoryRoot, "mql4", "tests");
        _built = new Lazy<string>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string RepositoryRoot { get; }

    public string HarnessDirectory { get; }

    /// <summary>The directory holding runner, unit and standin, built on first use.</summary>
    public string BuildDirectory => _built.Value;

    public string Runner => Path.Combine(BuildDirectory, "runner");

    public string Unit => Path.Combine(BuildDirectory, "unit");

    private string Build()
    {
        var missing = new List<string>();
        foreach (var tool in new[] { "g++", "make", "pkg-config" })
        {
            if (Run("sh", ["-c", "command -v " + tool], RepositoryRoot, TimeSpan.FromSeconds(10)).ExitCode != 0) missing.Add(tool);
        }
        if (!missing.Contains("pkg-config") && Run("pkg-config", ["--exists", "libzmq"], RepositoryRoot, TimeSpan.FromSeconds(10)).ExitCode != 0)
            missing.Add("libzmq (pkg-config finds no libzmq.pc)");
        if (!File.Exists("/usr/include/zmq.h")) missing.Add("zmq.h");
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The MQL4 harness needs a C++ toolchain and libzmq; missing: " + string.Join(", ", missing) +
                ". On Debian: apt-get install -y libzmq3-dev cppzmq-dev g++ make pkg-config (.ci/run does this).");
        }
        var make = Run("make", ["-C", HarnessDirectory, "-j2", "all"], RepositoryRoot, BuildTimeout);
        if (make.ExitCode != 0)
            throw new InvalidOperationException($"make in {HarnessDirectory} failed ({make.ExitCode}):\n{make.Output}");
        return Path.Combine(HarnessDirectory, "build");
    }

    private static (int ExitCode, string Output) Run(string file, string[] args, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mt4RiskBridge.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Mt4RiskBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
