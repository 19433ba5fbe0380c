using System.Diagnostics;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// The C++ libzmq ROUTER echo of <c>bench/libzmq-echo</c>, built with its make rule and run as a child process: the
/// floor a check's round trip is compared with. It stops when its <see cref="ChildEcho"/> is disposed or after its
/// own time limit.
/// </summary>
internal static class LibzmqEcho
{
    /// <summary>Builds the echo (make) and starts it; throws with what to install when it cannot be built.</summary>
    public static ChildEcho Start(TimeSpan limit)
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "libzmq-echo");
        var (code, output) = Run("make", "-C", folder);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"the libzmq echo baseline did not build (make -C {folder} exited {code}); it needs g++, make, pkg-config, libzmq3-dev and cppzmq-dev:\n{output}");
        }
        return ChildEcho.Start(Path.Combine(folder, "build", "echo"), ((int)limit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, file + ": " + ex.Message);
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Mt4RiskBridge.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("run the drill from inside the repository: Mt4RiskBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
