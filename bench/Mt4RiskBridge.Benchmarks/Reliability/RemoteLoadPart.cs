using System.Diagnostics;
using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>A share of the load run's terminals in a <see cref="LoadClientProcess"/> of its own, driven line by line.</summary>
internal sealed class RemoteLoadPart : ILoadPart
{
    private readonly Process _process;
    private readonly string _latencyFile = Path.GetTempFileName();
    private readonly Lock _gate = new();

    public RemoteLoadPart(string endpoint, long firstLogin, int terminals, int threads, int perSecond)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(RemoteLoadPart).Assembly.Location, "load-client", endpoint, firstLogin.ToString(CultureInfo.InvariantCulture),
            terminals.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture), perSecond.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("the load client did not start");
    }

    public List<long> Latencies { get; } = [];
    public long ChecksSent { get; private set; }
    public long ChecksAnswered { get; private set; }
    public long MessagesSent { get; private set; }
    public long SendsRefused { get; private set; }
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);
    public long Outstanding => long.Parse(Ask("outstanding"), CultureInfo.InvariantCulture);
    public double ProcessCpuSeconds => double.Parse(Ask("cpu"), CultureInfo.InvariantCulture);

    public void Connect(TimeSpan timeout, int perSecond) => Expect("connect");
    public void KeepAlive() => Expect("keepalive");
    public void Start() => Expect("start");
    public void ResetStatistics() => Expect("reset");
    public void StopSending() => Expect("stop-sending");

    public void Stop()
    {
        var counts = Ask("stop " + _latencyFile).Split(' ');
        ChecksSent = long.Parse(counts[0], CultureInfo.InvariantCulture);
        ChecksAnswered = long.Parse(counts[1], CultureInfo.InvariantCulture);
        MessagesSent = long.Parse(counts[2], CultureInfo.InvariantCulture);
        SendsRefused = long.Parse(counts[3], CultureInfo.InvariantCulture);
        if (counts[4] != "-")
        {
            foreach (var error in counts[4].Split(','))
            {
                var (code, count) = (error[..error.IndexOf('=', StringComparison.Ordinal)], error[(error.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                Errors[code] = long.Parse(count, CultureInfo.InvariantCulture);
            }
        }
        Latencies.AddRange(File.ReadLines(_latencyFile).Select(l => (long)(double.Parse(l, CultureInfo.InvariantCulture) * Stopwatch.Frequency / 1_000_000.0)));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        File.Delete(_latencyFile);
    }

    private void Expect(string command)
    {
        var answer = Ask(command);
        if (answer != "ok") throw new InvalidOperationException($"load client answered \"{answer}\" to {command}");
    }

    private string Ask(string command)
    {
        lock (_gate)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
            return _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"load client ended during {command}");
        }
    }
}
