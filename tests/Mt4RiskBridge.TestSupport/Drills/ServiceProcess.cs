using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// The real service binary as a child process (<c>dotnet Mt4RiskBridge.dll</c>, by default the copy beside the
/// running program): started with arguments, watched through its console output, ended with SIGKILL for a crash.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>File descriptors the process holds now (Linux).</summary>
    public int OpenFileDescriptors => Directory.EnumerateFileSystemEntries($"/proc/{_process.Id}/fd").Count();

    /// <summary>Resident memory in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The last lines (up to 2,000) the process wrote to stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The service binary beside the running program (test and bench projects reference the host).</summary>
    public static string DefaultBinary => Path.Combine(AppContext.BaseDirectory, "Mt4RiskBridge.dll");

    /// <summary>Starts the service; <see cref="WaitListeningAsync"/> tells when its socket is bound.</summary>
    public static ServiceProcess Start(params string[] args) => StartBinary(DefaultBinary, args);

    public static ServiceProcess StartBinary(string binary, IEnumerable<string> args) => StartBinary(binary, args, null, null);

    /// <summary>Starts the service with its open-file limit lowered (<c>ulimit -n</c>; Linux and other Unix systems).</summary>
    public static ServiceProcess StartWithFileLimit(int maxOpenFiles, params string[] args) => StartBinary(DefaultBinary, args, maxOpenFiles, null);

    /// <summary>Starts the binary with extra environment variables (a null value removes one).</summary>
    public static ServiceProcess StartBinary(string binary, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment) =>
        StartBinary(binary, args, null, environment);

    private static ServiceProcess StartBinary(string binary, IEnumerable<string> args, int? maxOpenFiles, IReadOnlyDictionary<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(maxOpenFiles is null ? "dotnet" : "/bin/sh")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (maxOpenFiles is { } files)
        {
            // exec keeps the process id, so Kill still reaches the service itself.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"ulimit -n {files} && exec dotnet \"$0\" \"$@\""));
        }
        // Services started here serve their dashboard on a free port, so several can run beside a real one;
        // a --Dashboard:Endpoint argument still wins over this.
        if (Environment.GetEnvironmentVariable("Dashboard__Endpoint") is null) start.Environment["Dashboard__Endpoint"] = "http://127.0.0.1:0";
        start.ArgumentList.Add(binary);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => service.OnLine(e.Data);
        process.Exited += (_, _) => service._listening.TrySetException(new InvalidOperationException("the service exited before listening:\n" + service.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs the binary to completion (settings errors, keygen) and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunToEndAsync(params string[] args) => RunToEndAsync(null, args);

    /// <summary>Runs the binary to completion with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var service = StartBinary(DefaultBinary, args, environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exitCode = await service.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return (exitCode, service.Output);
    }

    /// <summary>A loopback port that was free a moment ago, for a service that must come back on the same one.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits for the process to end and its output to be read; its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        // The asynchronous readers finish after the exit; WaitForExit without a timeout drains them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async Task WaitListeningAsync(TimeSpan timeout) => await _listening.Task.WaitAsync(timeout);

    /// <summary>SIGKILL: no shutdown code of the service runs.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 2000) _output.TryDequeue(out _);
        if (line.Contains("Mt4RiskBridge listening on", StringComparison.Ordinal)) _listening.TrySetResult();
    }
}
