using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>
/// One run of the scenario runner: its output lines as they come (UTF-8), "go" lines for its READY pauses, and a
/// bounded wait for its exit (killed when over time, so no test can hang).
/// </summary>
public sealed class ScenarioRun : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScenarioRun(Process process) => _process = process;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    public static ScenarioRun Start(HarnessBuild build, string scenario, string endpoint, params string[] options)
    {
        var info = new ProcessStartInfo(build.Runner)
        {
            WorkingDirectory = build.HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(scenario);
        info.ArgumentList.Add(endpoint);
        foreach (var option in options) info.ArgumentList.Add(option);
        var process = new Process { StartInfo = info };
        var run = new ScenarioRun(process);
        var open = 2;
        void OnLine(string? line)
        {
            if (line is null)
            {
                if (Interlocked.Decrement(ref open) == 0) run._closed.TrySetResult();
                run._arrived.Release();
                return;
            }
            run._lines.Enqueue(line);
            run._arrived.Release();
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data is null ? null : "STDERR " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>The first line starting with <paramref name="prefix"/>, waiting for it up to the timeout.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = _lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (found is not null) return found;
            if (_closed.Task.IsCompleted)
                throw new InvalidOperationException($"the runner ended without a line starting with \"{prefix}\"; output:\n{Output}");
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no line starting with \"{prefix}\" within {timeout}; output so far:\n{Output}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        }
    }

    /// <summary>Lets the runner go on past its current READY pause.</summary>
    public async Task GoAsync()
    {
        await _process.StandardInput.WriteLineAsync("go").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The exit code, waiting at most the timeout; a runner still going after it is killed and fails the test.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            await _closed.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the runner did not finish within {timeout}; output:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Waits for the exit and fails with the whole output unless the runner passed (exit code 0).</summary>
    public async Task AssertPassesAsync(TimeSpan timeout)
    {
        var code = await WaitForExitAsync(timeout).ConfigureAwait(false);
        Assert.True(code == 0, $"the runner exited with {code}; output:\n{Output}");
    }

    /// <summary>The value of a "RESULT key=value" line.</summary>
    public string Result(string key)
    {
        var prefix = "RESULT " + key + "=";
        var line = _lines.LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? throw new InvalidOperationException($"no {prefix} line in:\n{Output}") : line[prefix.Length..];
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
        _process.Dispose();
        _arrived.Dispose();
    }
}
