using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mt4RiskBridge.Benchmarks.RoundTrip;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks.Reliability;

/// <summary>
/// The load run's yardstick: on a thread of its own, one more terminal's check round trip against the service and
/// the same bytes' round trip against a raw NetMQ echo in another process, one after the other (the order turning
/// each round) every 10 ms, so both see the same load at the same moments. The checks go round a few probe accounts
/// so none passes the per-account check rate (<c>Limits:MaxChecksPerSecond</c>, 20 by default).
/// </summary>
internal sealed class LoadProbe : IDisposable
{
    private const int Accounts = 8;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    private readonly (DealerSocket Service, DealerSocket Echo)[] _lanes;
    private readonly Thread _thread;
    private volatile bool _recording;
    private volatile bool _stopping;

    public LoadProbe(string serviceEndpoint, string echoEndpoint, long firstLogin)
    {
        _lanes = [.. Enumerable.Range(0, Accounts).Select(i =>
        {
            var service = RoundTripHarness.Connect(serviceEndpoint);
            RoundTripHarness.Prepare(service, firstLogin + i);
            return (service, RoundTripHarness.Connect(echoEndpoint));
        })];
        _thread = new Thread(Run) { IsBackground = true, Name = "load probe" };
        _thread.Start();
    }

    public LatencySample Service { get; } = new("check through Mt4RiskBridge (probe terminal)");

    public LatencySample Echo { get; } = new("same bytes through a raw NetMQ echo (own process)");

    /// <summary>Service replies that were not a decision (a refusal, a throttle), while recording.</summary>
    public long NotDecided { get; private set; }

    /// <summary>Round trips with no reply within 10 s, on either path, while recording.</summary>
    public long Lost { get; private set; }

    /// <summary>From now on round trips count; those before were the warm-up.</summary>
    public void Record() => _recording = true;

    /// <summary>Ends the probe; its figures are complete when this returns.</summary>
    public void Stop()
    {
        _stopping = true;
        _thread.Join();
    }

    public void Dispose()
    {
        if (_thread.IsAlive) Stop();
        foreach (var (service, echo) in _lanes)
        {
            service.Dispose();
            echo.Dispose();
        }
    }

    /// <summary>The probe's part of the load run's report, markdown.</summary>
    public void Report(TimeSpan echoCpu, TimeSpan elapsed)
    {
        string Ratio(double p) => RoundTripHarness.Ratio(Service, Echo, p);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            ### Probe: one more terminal's check against the raw NetMQ echo, interleaved under the same load

            | path | round trips | p50 µs | p99 µs | p99.9 µs |
            |---|---|---|---|---|
            {Service.Row()}
            {Echo.Row()}

            Ratios (check ÷ echo): p50 {Ratio(50)}, p99 {Ratio(99)}, p99.9 {Ratio(99.9)}; probe replies not a decision: {NotDecided:N0}; lost: {Lost:N0}; echo process CPU {echoCpu.TotalSeconds / elapsed.TotalSeconds * 100:0.0}% of one core
            """));
    }

    private void Run()
    {
        var ticked = new long[Accounts];
        for (var round = 0L; !_stopping; round++)
        {
            var due = Stopwatch.GetTimestamp() + (long)(Interval.TotalSeconds * Stopwatch.Frequency);
            var lane = (int)(round % Accounts);
            var id = "p" + round.ToString(CultureInfo.InvariantCulture);
            var frame = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(RoundTripHarness.Check).Replace("\"bench\"", "\"" + id + "\"", StringComparison.Ordinal));
            var record = _recording;
            var (service, echo) = _lanes[lane];
            if (round % 2 == 0)
            {
                Trip(service, frame, id, record ? Service : null, decision: true);
                Trip(echo, frame, id, record ? Echo : null, decision: false);
            }
            else
            {
                Trip(echo, frame, id, record ? Echo : null, decision: false);
                Trip(service, frame, id, record ? Service : null, decision: true);
            }
            // A tick now and then keeps the probe account's quote fresh (Bridge:StaleAfterSeconds), outside the timing.
            if (Stopwatch.GetElapsedTime(ticked[lane]) > TickEvery)
            {
                service.TrySendFrame(TimeSpan.Zero, RoundTripHarness.Tick);
                ticked[lane] = Stopwatch.GetTimestamp();
            }
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        }
    }

    private void Trip(DealerSocket socket, byte[] frame, string id, LatencySample? sample, bool decision)
    {
        var quotedId = Encoding.UTF8.GetBytes("\"" + id + "\"");
        var start = Stopwatch.GetTimestamp();
        socket.SendFrame(frame);
        // Anything else the service sends this terminal, and a late answer to an earlier round, is passed over.
        for (var left = Deadline; left > TimeSpan.Zero; left = Deadline - Stopwatch.GetElapsedTime(start))
        {
            if (!socket.TryReceiveFrameBytes(left, out var reply)) break;
            if (reply.AsSpan().IndexOf(quotedId) < 0) continue;
            if (sample is null) return;
            sample.Add(start);
            if (decision && reply.AsSpan().IndexOf("\"decision\""u8) < 0) NotDecided++;
            return;
        }
        if (sample is not null) Lost++;
    }
}
