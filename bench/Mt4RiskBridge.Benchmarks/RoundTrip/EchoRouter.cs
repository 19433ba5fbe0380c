using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks.RoundTrip;

/// <summary>
/// The baseline: a bare ROUTER on its own poller thread that sends every message straight back (echo), and
/// answers a message only when asked (sink mode for throughput, where only the last message wants a reply).
/// </summary>
internal sealed class EchoRouter : IDisposable
{
    private readonly RouterSocket _router = new();
    private readonly NetMQPoller _poller;

    public EchoRouter(bool replyToEverything)
    {
        _router.Options.Linger = TimeSpan.Zero;
        _router.Options.ReceiveHighWatermark = 100_000;
        _router.Options.SendHighWatermark = 100_000;
        Port = _router.BindRandomPort("tcp://127.0.0.1");
        _router.ReceiveReady += (_, _) =>
        {
            for (var i = 0; i < 512 && _router.TryReceiveFrameBytes(out var identity, out _); i++)
            {
                var payload = _router.ReceiveFrameBytes();
                // In sink mode a message answers only if it carries an id, as the service does.
                if (!replyToEverything && payload.AsSpan().IndexOf("\"id\""u8) < 0) continue;
                _router.SendMoreFrame(identity).SendFrame(payload);
            }
        };
        _poller = [_router];
        _poller.RunAsync("echo");
    }

    public int Port { get; }

    /// <summary>
    /// <c>echo-router</c>: the echo alone in this process, as the service is alone in its own, so a load run can
    /// compare both under the same load. Writes its endpoint as the first line and runs until its input ends; a
    /// line <c>memory</c> is answered with the managed heap after a full collection and the resident set, in bytes.
    /// </summary>
    public static int RunAlone()
    {
        using var echo = new EchoRouter(replyToEverything: true);
        Console.WriteLine(echo.Endpoint);
        Console.Out.Flush();
        while (Console.In.ReadLine() is { } line)
        {
            if (line != "memory") continue;
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{heap} {Environment.WorkingSet}"));
            Console.Out.Flush();
        }
        return 0;
    }

    public string Endpoint => "tcp://127.0.0.1:" + Port;

    public void Dispose()
    {
        _poller.Stop();
        _poller.Dispose();
        _router.Dispose();
    }
}
