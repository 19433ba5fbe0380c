using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Terminals;
using NetMQ;
using NetMQ.Sockets;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>
/// Sends generated hostile messages (<see cref="FuzzMessages"/>) to a running service over several DEALER
/// connections that said hello, in windows, and checks the reply rules: every message whose id is readable gets
/// exactly one reply carrying it. Ends by playing a clean terminal to show the service still decides.
/// </summary>
public sealed class FuzzDrill(string endpoint, int maxMessageBytes, int seed = 20261123)
{
    private const int Window = 64;
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(10);

    public FuzzReport Run(long messages, int connections = 8, TextWriter? progress = null)
    {
        var generator = new FuzzMessages(seed, maxMessageBytes);
        var sockets = Enumerable.Range(0, connections).Select(i => Open(endpoint, 50_000 + i)).ToList();
        var replies = new Dictionary<string, long>(StringComparer.Ordinal);
        var examples = new List<string>();
        long sent = 0, withId = 0, answered = 0, unanswered = 0, twice = 0, multi = 0, oversize = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            while (sent < messages)
            {
                // A window per connection, then every reply of the window.
                var expected = new List<Dictionary<string, int>>();
                foreach (var socket in sockets)
                {
                    var ids = new Dictionary<string, int>(StringComparer.Ordinal);
                    expected.Add(ids);
                    for (var i = 0; i < Window && sent < messages; i++, sent++)
                    {
                        var message = generator.Next();
                        Send(socket, message.Frames);
                        if (message.Frames.Count > 1)
                        {
                            multi++;
                            continue;
                        }
                        var frame = message.Frames[0];
                        if (frame.Length > maxMessageBytes)
                        {
                            oversize++;
                            continue;
                        }
                        if (WireParser.Parse(frame).Id is { } id)
                        {
                            withId++;
                            // The same readable id twice in one window (a mutation made "12345") needs two replies.
                            ids[id] = ids.GetValueOrDefault(id) + 1;
                        }
                    }
                }
                for (var c = 0; c < sockets.Count; c++)
                {
                    var (got, extra) = Collect(sockets[c], expected[c], replies, examples);
                    answered += got;
                    twice += extra;
                    foreach (var (id, left) in expected[c].Where(e => e.Value > 0))
                    {
                        unanswered += left;
                        if (examples.Count < 10) examples.Add("no reply to id " + id);
                    }
                }
                if (progress is not null && sent % 10_000 < Window * connections)
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sent} sent, {unanswered} unanswered, {clock.Elapsed.TotalSeconds:0} s"));
            }
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }

        return new FuzzReport
        {
            Sent = sent,
            WithId = withId,
            Answered = answered,
            Unanswered = unanswered,
            AnsweredTwice = twice,
            MultiFrame = multi,
            Oversize = oversize,
            Replies = replies,
            Examples = examples,
            ServiceStillAnswers = StillDecides(endpoint),
            Elapsed = clock.Elapsed,
        };
    }

    private static DealerSocket Open(string endpoint, long login)
    {
        var socket = new DealerSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Options.SendHighWatermark = 100_000;
        socket.Options.ReceiveHighWatermark = 100_000;
        socket.Connect(endpoint);
        var hello = string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"type":"hello","id":"hello","account":{{login}},"server":"Fuzz","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent"}""");
        socket.SendFrame(Encoding.UTF8.GetBytes(hello));
        if (!socket.TryReceiveFrameBytes(ReplyWait, out _)) throw new InvalidOperationException("the service did not welcome a fuzz connection");
        return socket;
    }

    private static void Send(DealerSocket socket, IReadOnlyList<byte[]> frames)
    {
        for (var i = 0; i < frames.Count - 1; i++) socket.SendFrame(frames[i], more: true);
        socket.SendFrame(frames[^1]);
    }

    /// <summary>Reads replies until every expected id is answered or the service stays silent; counts extra replies to one id.</summary>
    private static (long Answered, long Twice) Collect(DealerSocket socket, Dictionary<string, int> expected, Dictionary<string, long> replies, List<string> examples)
    {
        long answered = 0, twice = 0;
        var outstanding = expected.Values.Sum();
        var wait = outstanding > 0 ? ReplyWait : TimeSpan.FromMilliseconds(50);
        while (socket.TryReceiveFrameBytes(wait, out var frame, out var more))
        {
            // An empty first frame that the sender followed with more looks like a REQ envelope, and the service
            // answers in that shape: an empty delimiter, then the reply.
            if (frame.Length == 0 && more) frame = socket.ReceiveFrameBytes();
            var parsed = WireParser.ParseServiceMessage(frame);
            var kind = !parsed.IsSuccess ? "unreadable reply" : parsed.Message is WireError error ? "error " + error.Code : parsed.Message.Type;
            replies[kind] = replies.GetValueOrDefault(kind) + 1;
            if (!parsed.IsSuccess && examples.Count < 10)
                examples.Add($"unreadable reply ({parsed.Error.Code}: {parsed.Error.Message}): {Encoding.UTF8.GetString(frame.AsSpan(0, Math.Min(frame.Length, 300)))}");
            if (parsed.IsSuccess && parsed.Message.Id is { } id)
            {
                if (expected.TryGetValue(id, out var left) && left > 0)
                {
                    expected[id] = left - 1;
                    answered++;
                    outstanding--;
                }
                else
                {
                    twice++;
                }
            }
            // Once every id is in, only id-less errors can still be on their way: wait briefly for them.
            wait = outstanding > 0 ? ReplyWait : TimeSpan.FromMilliseconds(20);
        }
        return (answered, twice);
    }

    /// <summary>A clean terminal after the storm: hello, full state, a small check that must be approved.</summary>
    private static bool StillDecides(string endpoint)
    {
        using var terminal = new SimulatedTerminal(new TerminalProfile { Login = 59_999, Seed = 5 }, endpoint) { ServerTime = () => 1763640000 };
        try
        {
            terminal.Hello(ReplyWait);
            terminal.SendFullState();
            return terminal.TryCheck("EURUSD", WireSide.Buy, 0.01m, null, ReplyWait)?.Verdict == WireVerdict.Approve;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
