using System.Net;
using System.Net.Sockets;
using System.Text;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Opens many TCP connections to the service that never send a byte (the way to exhaust its file descriptors), or,
/// with <paramref name="completeHandshake"/>, that complete the ZeroMQ handshake and never say hello, while a terminal
/// that connected first keeps asking; then closes them and connects a new terminal. With the handshake, a hold longer
/// than the service's hello timeout must see every such connection closed by the service and a new terminal served
/// while the flood's sockets are still open. The service runs as its own process, optionally under a lowered
/// open-file limit, on a loopback port.
/// </summary>
public sealed class ConnectionFloodDrill(string folder, int idleConnections, int? maxOpenFiles, TimeSpan hold, bool completeHandshake = false)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    public async Task<ConnectionFloodReport> RunAsync()
    {
        var port = ServiceProcess.FreePort();
        var endpoint = "tcp://127.0.0.1:" + port;
        string[] args =
        [
            "--Bridge:Endpoint=" + endpoint,
            "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=",
            "--Limits:StatePath=" + Path.Combine(folder, "state.db"),
        ];
        using var service = maxOpenFiles is { } files ? ServiceProcess.StartWithFileLimit(files, args) : ServiceProcess.Start(args);
        await service.WaitListeningAsync(TimeSpan.FromSeconds(60));
        var fdsIdle = service.OpenFileDescriptors;
        var rssIdle = service.ResidentBytes;

        using var first = new DealerSocket();
        first.Options.Linger = TimeSpan.Zero;
        first.Connect(endpoint);
        SendState(first, 1001);
        var idle = new List<Socket>(idleConnections);
        try
        {
            // The first terminal heartbeats as a real one does, or its session would lapse during a long flood.
            void Heartbeat() => first.SendFrame("""{"v":1,"type":"heartbeat"}""");
            var opened = await FloodAsync(port, idle, Heartbeat);
            for (var held = TimeSpan.Zero; held < hold; held += TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                Heartbeat();
            }
            var servedDuring = Decides(first, "during");
            if (service.HasExited) throw new InvalidOperationException("the service exited during the flood:\n" + service.Output);
            var fdsFlood = service.OpenFileDescriptors;
            var rssFlood = service.ResidentBytes;
            var closedByService = idle.Count(EndedByPeer);
            bool? servedNewDuring = null;
            if (completeHandshake)
            {
                using var newcomer = new DealerSocket();
                newcomer.Options.Linger = TimeSpan.Zero;
                newcomer.Connect(endpoint);
                servedNewDuring = SendState(newcomer, 1003) && Decides(newcomer, "newcomer");
            }
            foreach (var socket in idle) socket.Dispose();
            idle.Clear();

            using var second = new DealerSocket();
            second.Options.Linger = TimeSpan.Zero;
            second.Connect(endpoint);
            var servedAfter = SendState(second, 1002) && Decides(second, "after");
            return new ConnectionFloodReport
            {
                Attempted = idleConnections,
                Opened = opened,
                CompletedHandshake = completeHandshake,
                ClosedByService = closedByService,
                ServedNewDuringFlood = servedNewDuring,
                MaxOpenFiles = maxOpenFiles,
                CapLine = service.Output.Split('\n').FirstOrDefault(l => l.Contains("Holding at most", StringComparison.Ordinal))?.Trim() ?? "(no TCP cap logged)",
                AliveAfterFlood = !service.HasExited,
                ServedDuringFlood = servedDuring,
                ServedAfterFlood = servedAfter,
                FileDescriptorsIdle = fdsIdle,
                FileDescriptorsDuringFlood = fdsFlood,
                ResidentBytesIdle = rssIdle,
                ResidentBytesDuringFlood = rssFlood,
            };
        }
        finally
        {
            foreach (var socket in idle) socket.Dispose();
        }
    }

    /// <summary>Connects the idle sockets, a hundred at a time; returns how many the operating system completed.</summary>
    private async Task<int> FloodAsync(int port, List<Socket> idle, Action betweenBatches)
    {
        var opened = 0;
        for (var start = 0; start < idleConnections; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, idleConnections - start)).Select(async _ =>
            {
                Socket? socket = null;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    // Creating the socket can fail too: the drill's own process or machine may run out first.
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
                    if (completeHandshake) await socket.SendAsync(ZmtpPeer.ClientHandshake(), SocketFlags.None, timeout.Token);
                    return socket;
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    socket?.Dispose();
                    return null;
                }
            });
            foreach (var socket in await Task.WhenAll(batch))
            {
                if (socket is null) continue;
                idle.Add(socket);
                opened++;
            }
            betweenBatches();
        }
        return opened;
    }

    /// <summary>Whether the service has ended the connection: what it sent is read off, and a read of 0 bytes means the end.</summary>
    private static bool EndedByPeer(Socket socket)
    {
        var buffer = new byte[512];
        socket.Blocking = false;
        try
        {
            while (true)
            {
                if (socket.Receive(buffer) == 0) return true;
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.WouldBlock)
        {
            return false;
        }
        catch (SocketException)
        {
            // Reset by the service.
            return true;
        }
    }

    private static bool SendState(DealerSocket socket, long login)
    {
        if (!Ask(socket, $$"""{"v":1,"type":"hello","id":"h","account":{{login}},"server":"Flood","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":"flood drill"}""").Contains("\"welcome\"", StringComparison.Ordinal))
            return false;
        socket.SendFrame("""{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""");
        socket.SendFrame("""{"v":1,"type":"positions","positions":[]}""");
        return Ask(socket, """{"v":1,"type":"account","id":"a","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""").Contains("\"ack\"", StringComparison.Ordinal);
    }

    /// <summary>A fresh quote then a check: true when a decision comes back.</summary>
    private static bool Decides(DealerSocket socket, string id)
    {
        socket.SendFrame("""{"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.1002,"time":1763640000}""");
        return Ask(socket, $$"""{"v":1,"type":"check","id":"{{id}}","symbol":"EURUSD","side":"buy","lots":0.01}""").Contains("\"decision\"", StringComparison.Ordinal);
    }

    /// <summary>Sends and returns the reply, skipping warnings the service pushes meanwhile; empty on timeout.</summary>
    private static string Ask(DealerSocket socket, string json)
    {
        socket.SendFrame(json);
        while (socket.TryReceiveFrameBytes(ReplyTimeout, out var frame))
        {
            var reply = Encoding.UTF8.GetString(frame);
            if (!reply.Contains("\"type\":\"warning\"", StringComparison.Ordinal)) return reply;
        }
        return "";
    }
}
