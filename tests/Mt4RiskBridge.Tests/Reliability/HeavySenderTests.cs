using System.Text;
using System.Text.Json;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Reliability;

/// <summary>Connections streaming the largest valid messages they may send cannot take the service from the others.</summary>
public sealed class HeavySenderTests
{
    /// <summary>A valid positions message listing 1,000 positions: about 90 KB.</summary>
    private static readonly byte[] ThousandPositions = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"positions","positions":[""" +
        string.Join(",", Enumerable.Range(1, 1000).Select(t => $$"""{"ticket":{{t}},"symbol":"EURUSD","side":"buy","lots":0.01,"openPrice":1.1}""")) + "]}");

    [Fact]
    public async Task BytesBeyondTheBudget_AreRefusedWithRateLimit_UntilTheBudgetRefills()
    {
        // Room for two and a half lists a second.
        var budget = ThousandPositions.Length * 5 / 2;
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessageBytes=131072", "--Bridge:MaxBytesPerSecond=" + budget);
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        var withId = Encoding.UTF8.GetString(ThousandPositions).Replace("{\"v\":1,", "{\"v\":1,\"id\":\"p\",", StringComparison.Ordinal);

        Assert.Equal("ack", client.Ask(withId).GetProperty("type").GetString());
        Assert.Equal("ack", client.Ask(withId).GetProperty("type").GetString());
        var refused = client.Ask(withId);
        Assert.Equal(("error", "rate_limit", "p"), (refused.GetProperty("type").GetString(), refused.GetProperty("code").GetString(), refused.GetProperty("id").GetString()));
        Assert.Contains("Bridge:MaxBytesPerSecond", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        bridge.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ack", client.Ask(withId).GetProperty("type").GetString());
    }

    [Fact]
    public async Task OneWake_ParsesAboutOneFullSizeMessage_SoACheckReadNextWaitsForNoMore()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessageBytes=131072", "--Bridge:MaxBytesPerSecond=100000000");
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        var lists = Enumerable.Range(1, 3).Select(i => Encoding.UTF8.GetString(ThousandPositions)
            .Replace("{\"v\":1,", "{\"v\":1,\"id\":\"p" + i + "\",", StringComparison.Ordinal)).ToArray();
        var split = false;
        for (var attempt = 0; attempt < 5 && !split; attempt++)
        {
            var batches = bridge.Batches.Batches;
            await using (await bridge.HoldSocketThreadAsync())
            {
                foreach (var list in lists) client.Send(list);
            }
            Assert.Equal(["p1", "p2", "p3"], Enumerable.Range(0, 3).Select(_ => client.Receive().GetProperty("id").GetString()));
            // Within one connection's share (twice the limit), yet two wakes: two lists reach the limit, the third waits.
            split = bridge.Batches.Batches == batches + 2;
        }
        Assert.True(split, "three queued lists were never read as two batches");
    }

    [Fact]
    public async Task ThreeHeavySenders_AreHeldToTheirBudget_AndAnotherTerminalKeepsItsDecisions()
    {
        // The burst holds one list; the service clock stands still, so every later list is refused: exact counts.
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Bridge:MaxMessageBytes=131072", "--Bridge:MaxBytesPerSecond=1024");
        var terminal = bridge.Dealer();
        terminal.Ask(Wire.Hello(1001));
        terminal.Send(Wire.EurUsdSpec);
        terminal.Send(Wire.EurUsdTick);
        terminal.Send(Wire.NoPositions);
        Assert.Equal("ack", terminal.Ask(Wire.Account(10_000m, id: "a")).GetProperty("type").GetString());

        using var streaming = new CountdownEvent(3);
        using var checksDone = new ManualResetEventSlim();
        var senders = Enumerable.Range(0, 3).Select(i => new HeavySender(bridge.Endpoint, 2001 + i, streaming, checksDone)).ToArray();
        // Barrier: every sender has had a list refused before the checks start, so they are asked beside the stream.
        Assert.True(streaming.Wait(TimeSpan.FromSeconds(60)), "a heavy sender did not get going");
        for (var i = 0; i < 10; i++)
        {
            var reply = terminal.Ask(Wire.Check("c" + i, 0.01m));
            Assert.Equal(("decision", "c" + i), (reply.GetProperty("type").GetString(), reply.GetProperty("id").GetString()));
        }
        checksDone.Set();

        foreach (var sender in senders)
        {
            var (sent, refused) = sender.Finish();
            // The first list was taken; each one after it, the last (with an id) included, was refused unread.
            Assert.True(sent >= 3, "a heavy sender sent fewer than three lists");
            Assert.Equal(sent - 1, refused);
        }
    }

    /// <summary>
    /// Streams 74 KB position lists on a thread of its own (a blocking loop on the thread pool starves it) until the
    /// terminal's checks are done, then sends one with an id and reads up to its reply: every reply has arrived then.
    /// </summary>
    private sealed class HeavySender
    {
        /// <summary>Lists per sender at most: their replies stay far below the socket's queue, so none is dropped.</summary>
        private const int MaxLists = 200;

        private readonly Thread _thread;
        private int _sent;
        private int _refused;
        private Exception? _failure;

        public HeavySender(string endpoint, long login, CountdownEvent streaming, ManualResetEventSlim checksDone)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    Run(endpoint, login, streaming, checksDone);
                }
#pragma warning disable CA1031 // Reported by Finish on the test's thread.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _failure = ex;
                    if (streaming.CurrentCount > 0) streaming.Signal();
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public (int Sent, int Refused) Finish()
        {
            _thread.Join();
            if (_failure is not null) throw new InvalidOperationException("a heavy sender failed", _failure);
            return (_sent, _refused);
        }

        private void Run(string endpoint, long login, CountdownEvent streaming, ManualResetEventSlim checksDone)
        {
            using var socket = TestClient.Dealer(endpoint);
            Assert.Equal("welcome", socket.Ask(Wire.Hello(login)).GetProperty("type").GetString());
            var signalled = false;
            do
            {
                socket.SendBytes(ThousandPositions);
                _sent++;
                foreach (var reply in socket.ReceiveQueued()) Count(reply);
                if (!signalled && _refused > 0)
                {
                    signalled = true;
                    streaming.Signal();
                }
                if (!signalled && _sent >= 2)
                {
                    // The second list's refusal is on its way: wait for it (past any pushed warning) rather than send on.
                    while (_refused == 0) Count(socket.Receive().GetRawText());
                    signalled = true;
                    streaming.Signal();
                }
            }
            while (!checksDone.IsSet && _sent < MaxLists);
            var withId = Encoding.UTF8.GetString(ThousandPositions).Replace("{\"v\":1,", "{\"v\":1,\"id\":\"last\",", StringComparison.Ordinal);
            socket.Send(withId);
            _sent++;
            while (true)
            {
                var reply = socket.Receive();
                Count(reply.GetRawText());
                if (reply.TryGetProperty("id", out var id) && id.GetString() == "last") return;
            }
        }

        private void Count(string reply)
        {
            using var json = JsonDocument.Parse(reply);
            if (json.RootElement.TryGetProperty("code", out var code) && code.GetString() == "rate_limit") _refused++;
        }
    }
}
