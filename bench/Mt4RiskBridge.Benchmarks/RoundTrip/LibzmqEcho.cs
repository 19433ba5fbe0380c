using System.Diagnostics;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// The C++ libzmq ROUTER echo of <c>bench/libzmq-echo</c>, built with its make rule and run as a child process: the
/// floor a check's round trip is compared with. It stops when this object is disposed (its standard input closes)
/// or after its own time limit.
/// </summary>
internal sealed class LibzmqEcho : IDisposable
{
    private readonly Process _process;

    private LibzmqEcho(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    /// <summary>Builds the echo (make) and starts it; throws with what to install when it cannot be built.</summary>
    public static LibzmqEcho Start(TimeSpan limit)
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "libzmq-echo");
        var (code, output) = Run("make", "-C", folder);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"the libzmq echo baseline did not build (make -C {folder} exited {code}); it needs g++, make, pkg-config, libzmq3-dev and cppzmq-dev:\n{output}");
        }
        var start = new ProcessStartInfo(Path.Combine(folder, "build", "echo"), ((int)limit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the libzmq echo did not start");
        var endpoint = process.StandardOutput.ReadLine();
        if (endpoint is null || !endpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException("the libzmq echo did not report its endpoint: " + endpoint);
        }
        return new LibzmqEcho(process, endpoint);
    }

    public void Dispose()
    {
        // End of input is its signal to stop; the kill is for an echo that does not.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill();
        _process.Dispose();
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
