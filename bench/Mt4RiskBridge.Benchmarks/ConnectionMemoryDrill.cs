using System.Globalization;
using Mt4RiskBridge.Benchmarks.RoundTrip;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.Benchmarks;

/// <summary>
/// <c>connections [connections] [messages]</c>: what NetMQ alone keeps per connection on the ROUTER side, the
/// service's share of the load run's memory per terminal. A raw NetMQ echo (<c>echo-router</c>) in its own process
/// takes that many DEALER connections; its managed heap (after a full collection) and resident set are read idle,
/// after 10 messages each way per connection, and after the given number of messages (past NetMQ's 256-message
/// pipe chunk, so both directions have allocated their second chunk). Prints markdown.
/// </summary>
internal static class ConnectionMemoryDrill
{
    private const int Few = 10;

    public static int Run(string[] args)
    {
        var connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        NetMQConfig.MaxSockets = Math.Max(1024, connections + 64);
        using var echo = ChildEcho.StartNetMq();
        Thread.Sleep(TimeSpan.FromSeconds(2));
        var idle = echo.Memory();
        var sockets = Enumerable.Range(0, connections).Select(_ => RoundTripHarness.Connect(echo.Endpoint)).ToList();
        try
        {
            Exchange(sockets, Few);
            var few = echo.Memory();
            Exchange(sockets, messages - Few);
            var many = echo.Memory();
            string Row(string when, (long Heap, long Resident) at) => string.Create(CultureInfo.InvariantCulture,
                $"| {when} | {(at.Heap - idle.Heap) / 1024.0 / connections:0.0} KiB | {(at.Resident - idle.Resident) / 1024.0 / connections:0.0} KiB |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                ## Raw NetMQ ROUTER echo, {connections:N0} connections: growth per connection from idle ({idle.Heap / 1048576.0:0.0} MiB heap, {idle.Resident / 1048576.0:0.0} MiB resident)

                | after | managed heap per connection | resident set per connection |
                |---|---|---|
                {Row($"{Few} messages each way", few)}
                {Row($"{messages} messages each way", many)}
                """));
            return 0;
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    /// <summary>Every connection sends a tick and reads its echo, <paramref name="rounds"/> times, all in step.</summary>
    private static void Exchange(List<DealerSocket> sockets, int rounds)
    {
        for (var r = 0; r < rounds; r++)
        {
            foreach (var socket in sockets) socket.SendFrame(RoundTripHarness.Tick);
            foreach (var socket in sockets)
            {
                if (!socket.TryReceiveFrameBytes(TimeSpan.FromSeconds(30), out _)) throw new TimeoutException("an echo was lost");
            }
        }
    }
}
