using System.Globalization;
using System.Text;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Connections that say hello and then stream valid 1,000-position lists as fast as the socket takes them, each on
/// a thread of its own: a blocking loop on the thread pool would starve the pool and, with it, the socket
/// completions of every other client in the same process. Counts the <c>rate_limit</c> replies they get.
/// </summary>
public sealed class HeavySenders : IDisposable
{
    /// <summary>A valid positions message listing 1,000 positions (about 74 KB).</summary>
    public static readonly byte[] ThousandPositions = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"positions","positions":[""" +
        string.Join(",", Enumerable.Range(1, 1000).Select(t => string.Create(CultureInfo.InvariantCulture,
            $$"""{"ticket":{{t}},"symbol":"EURUSD","side":"buy","lots":0.01,"openPrice":1.1}"""))) + "]}");

    private readonly CancellationTokenSource _stop = new();
    private readonly CountdownEvent _greeted;
    private readonly Thread[] _threads;
    private long _refused;

    public HeavySenders(string endpoint, long firstLogin, int count)
    {
        _greeted = new CountdownEvent(count);
        _threads = Enumerable.Range(0, count)
            .Select(i => new Thread(() => Flood(endpoint, firstLogin + i)) { IsBackground = true, Name = "heavy sender " + i })
            .ToArray();
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>Waits until every sender's hello was answered (or it gave up); true when all were.</summary>
    public bool WaitGreeted(TimeSpan timeout) => _greeted.Wait(timeout);

    /// <summary>Stops the senders and returns the <c>rate_limit</c> replies they read.</summary>
    public long Stop()
    {
        _stop.Cancel();
        foreach (var thread in _threads) thread.Join();
        return Interlocked.Read(ref _refused);
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
        _greeted.Dispose();
    }

    private void Flood(string endpoint, long login)
    {
        using var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Connect(endpoint);
        socket.SendFrame(string.Create(CultureInfo.InvariantCulture, $$"""{"v":1,"type":"hello","id":"h","account":{{login}},"server":"Heavy","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"heavy sender"}"""));
        var greeted = socket.TryReceiveFrameString(TimeSpan.FromSeconds(10), out _);
        _greeted.Signal();
        if (!greeted) return;
        while (!_stop.IsCancellationRequested)
        {
            socket.TrySendFrame(TimeSpan.FromMilliseconds(10), ThousandPositions);
            while (socket.TryReceiveFrameString(TimeSpan.Zero, out var reply))
            {
                if (reply.Contains("\"rate_limit\"", StringComparison.Ordinal)) Interlocked.Increment(ref _refused);
            }
        }
    }
}
