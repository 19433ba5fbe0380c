using System.Diagnostics;
using System.Globalization;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>A <see cref="DashboardTabs"/> process, driven line by line; ended with its input.</summary>
internal sealed class TabsProcess : IDisposable
{
    private readonly Process _process;

    public TabsProcess(string url)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(TabsProcess).Assembly.Location, "dashboard-tabs", url }) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("the dashboard pages did not start");
    }

    public void Open()
    {
        if (Ask("open") != "ok") throw new InvalidOperationException("the dashboard pages did not open");
    }

    /// <summary>Closes the pages; each must have read something, or the comparison would be empty.</summary>
    public void Close()
    {
        var read = Ask("close").Split(' ').Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToList();
        if (read.Count == 0 || read.Any(n => n == 0)) throw new InvalidOperationException("a dashboard page read nothing: the comparison would be empty");
    }

    public double CpuSeconds() => double.Parse(Ask("cpu"), CultureInfo.InvariantCulture);

    private string Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        return _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the dashboard pages ended early");
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
