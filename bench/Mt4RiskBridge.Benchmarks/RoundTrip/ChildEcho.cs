using System.Diagnostics;
using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// An echo running as a child process that writes its endpoint as its first line: the libzmq echo
/// (<see cref="LibzmqEcho"/>) or the raw NetMQ echo of <c>echo-router</c>. It stops when this object is disposed
/// (its standard input closes).
/// </summary>
internal sealed class ChildEcho : IDisposable
{
    private readonly Process _process;

    private ChildEcho(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    /// <summary>Processor time the echo has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The echo's managed heap after a full collection and its resident set, in bytes (<c>echo-router</c> only).</summary>
    public (long Heap, long Resident) Memory()
    {
        _process.StandardInput.WriteLine("memory");
        _process.StandardInput.Flush();
        var answer = (_process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the echo ended")).Split(' ');
        return (long.Parse(answer[0], CultureInfo.InvariantCulture), long.Parse(answer[1], CultureInfo.InvariantCulture));
    }

    public static ChildEcho Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start");
        var endpoint = process.StandardOutput.ReadLine();
        if (endpoint is null || !endpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException(file + " did not report its endpoint: " + endpoint);
        }
        return new ChildEcho(process, endpoint);
    }

    /// <summary>The raw NetMQ echo (<see cref="EchoRouter"/>) in a process of its own: <c>echo-router</c>.</summary>
    public static ChildEcho StartNetMq() => Start("dotnet", typeof(ChildEcho).Assembly.Location, "echo-router");

    public void Dispose()
    {
        // End of input is its signal to stop; the kill is for an echo that does not.
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) _process.Kill();
        _process.Dispose();
    }
}
