using System.Globalization;
using System.Text.Json;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// The socket thread reads what is waiting as one batch and answers its checks before it applies the other
/// accounts' state. The socket thread is held while a test sends, so the messages are read together; each test
/// confirms from the service's batch statistics that they were.
/// </summary>
public sealed class CheckFirstTests
{
    private const string OneLotHeld = """{"v":1,"type":"positions","positions":[{"ticket":7,"symbol":"EURUSD","side":"buy","lots":1,"openPrice":1.1}]}""";

    private static void StreamState(TestClient client, long login, decimal equity) => BridgeSessionTests.StreamState(client, login, equity);

    /// <summary>The next <paramref name="count"/> replies, skipping pushed warnings (a falling equity raises some).</summary>
    private static (string Type, string? Id)[] Replies(TestClient client, int count)
    {
        var replies = new List<(string, string?)>();
        while (replies.Count < count)
        {
            var kind = Kind(client.Receive());
            if (kind.Type != "warning") replies.Add(kind);
        }
        return [.. replies];
    }

    private static (string Type, string? Id) Kind(JsonElement reply) =>
        (reply.GetProperty("type").GetString()!, reply.TryGetProperty("id", out var id) ? id.GetString() : null);

    [Fact]
    public async Task Check_AfterAccountAndPositionsOnTheSameConnection_IsJudgedOnThem_InOneBatch()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var terminal = bridge.Dealer();
        StreamState(terminal, 1001, 10_000m);
        var oneBatch = false;
        for (var attempt = 0; attempt < 5 && !oneBatch; attempt++)
        {
            var coalesced = bridge.Batches.Coalesced;
            var batches = bridge.Batches.Batches;
            await using (await bridge.HoldSocketThreadAsync())
            {
                // Superseded within the batch: judged on these, the check would get another answer.
                terminal.Send(Wire.Account(5_000m));
                terminal.Send(OneLotHeld);
                terminal.Send(Wire.Account(1_000m));
                terminal.Send(Wire.NoPositions);
                terminal.Send(Wire.Check("c" + attempt.ToString(CultureInfo.InvariantCulture), 5.00m));
            }
            var decision = terminal.ReceiveType("decision");

            // Judged on the latest account and positions its connection sent before it:
            // (1,000 - 20 L spread) / 220.04 L >= 2  ->  2.17 lots.
            Assert.Equal(("decision", "c" + attempt.ToString(CultureInfo.InvariantCulture)), Kind(decision));
            Assert.Equal(("resize", 2.17m), (decision.GetProperty("verdict").GetString(), decision.GetProperty("lots").GetDecimal()));
            oneBatch = bridge.Batches.Batches == batches + 1 && bridge.Batches.Coalesced == coalesced + 2;
        }
        Assert.True(oneBatch, "the five messages were never read as one batch");
        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal((1_000m, 0), (view.Account.Equity, view.Account.Portfolio.Positions.Length));
    }

    [Fact]
    public async Task Check_BesideAnotherConnectionsFlood_IsDecidedBeforeTheFloodIsApplied()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var terminal = bridge.Dealer();
        StreamState(terminal, 1001, 10_000m);
        var flood = bridge.Dealer();
        StreamState(flood, 2001, 10_000m);
        var ahead = false;
        for (var attempt = 0; attempt < 5 && !ahead; attempt++)
        {
            var checksAhead = bridge.Batches.ChecksAheadOfBacklog;
            await using (await bridge.HoldSocketThreadAsync())
            {
                // Within the socket's queue of 100 per connection, so the flood's sends never block while held.
                for (var i = 1; i <= 60; i++)
                {
                    // Every other tick carries an id: those are acked and never skipped, so they are real work.
                    var tick = Wire.Tick("EURUSD", 1.1000m + i * 0.00001m, 1.1002m + i * 0.00001m);
                    flood.Send(i % 2 == 0 ? tick : tick.Replace("{\"v\":1,", "{\"v\":1,\"id\":\"f" + i.ToString(CultureInfo.InvariantCulture) + "\",", StringComparison.Ordinal));
                    if (i % 6 == 0) flood.Send(i % 12 == 0 ? Wire.NoPositions : OneLotHeld);
                }
                // The socket reads its connections in turn: the check is read after a dozen of the flood's messages.
                for (var i = 0; i < 12; i++) terminal.Send("""{"v":1,"type":"heartbeat"}""");
                terminal.Send(Wire.Check("c" + attempt.ToString(CultureInfo.InvariantCulture), 1.00m));
            }
            var decision = terminal.ReceiveType("decision");

            Assert.Equal(("decision", "c" + attempt.ToString(CultureInfo.InvariantCulture)), Kind(decision));
            Assert.Equal("approve", decision.GetProperty("verdict").GetString());
            ahead = bridge.Batches.ChecksAheadOfBacklog > checksAhead;
        }
        Assert.True(ahead, "the check never shared a batch with the flood");
        // Not one of the flood's state messages read with a check went before it.
        Assert.Equal(0, bridge.Batches.BacklogAppliedBeforeChecks);

        // The flood's latest state is in place all the same: the last tick, the last list.
        flood.ReceiveUntilBarrier();
        Assert.True(bridge.Accounts.TryGet(2001, out var view));
        Assert.True(view.Quotes.TryGetQuote("EURUSD", out var quote));
        Assert.Equal((1.1006m, 1.1008m), (quote.Bid, quote.Ask));
        Assert.Empty(view.Account.Portfolio.Positions);
    }

    [Fact]
    public async Task StateMessagesWithIds_AreAckedInOrder_AroundTheChecks()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var terminal = bridge.Dealer();
        StreamState(terminal, 1001, 10_000m);
        var other = bridge.Dealer();
        StreamState(other, 2001, 10_000m);
        var batches = bridge.Batches.Batches;
        await using (await bridge.HoldSocketThreadAsync())
        {
            other.Send(Wire.Account(9_000m, id: "o1"));
            terminal.Send(Wire.Account(1_000m, id: "a1"));
            terminal.Send(Wire.Positions("p1"));
            other.Send(Wire.Positions("o2"));
            terminal.Send(Wire.Check("c1", 5.00m));
            terminal.Send("""{"v":1,"type":"tick","id":"t1","symbol":"EURUSD","bid":1.1000,"ask":1.1002,"time":1763640000}""");
            other.Send(Wire.Check("o3", 1.00m));
            terminal.Send(Wire.Account(2_000m, id: "a2"));
        }

        var replies = Replies(terminal, 5);
        var others = Replies(other, 3);

        Assert.Equal([("ack", "a1"), ("ack", "p1"), ("decision", "c1"), ("ack", "t1"), ("ack", "a2")], replies);
        Assert.Equal([("ack", "o1"), ("ack", "o2"), ("decision", "o3")], others);
        Assert.True(bridge.Accounts.TryGet(1001, out var view));
        Assert.Equal(2_000m, view.Account.Equity);
        Assert.True(bridge.Batches.Batches >= batches + 1);
    }

    [Fact]
    public async Task RefusedLatestState_LeavesTheOneItSupersededApplied()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var terminal = bridge.Dealer();
        StreamState(terminal, 1001, 10_000m);
        var together = false;
        for (var attempt = 0; attempt < 5 && !together; attempt++)
        {
            terminal.Send(Wire.NoPositions);
            terminal.ReceiveUntilBarrier();
            var coalesced = bridge.Batches.Coalesced;
            await using (await bridge.HoldSocketThreadAsync())
            {
                terminal.Send(OneLotHeld);
                terminal.Send("""{"v":1,"type":"positions","positions":[{"ticket":8,"symbol":"EURUSD","side":"buy","lots":-1,"openPrice":1.1}]}""");
            }

            var error = terminal.Receive();
            terminal.ReceiveUntilBarrier();

            Assert.Equal(("error", "bad_field"), (error.GetProperty("type").GetString(), error.GetProperty("code").GetString()));
            Assert.True(bridge.Accounts.TryGet(1001, out var view));
            var position = Assert.Single(view.Account.Portfolio.Positions);
            Assert.Equal((7L, 1m), (position.Ticket, position.Lots));
            // Skipped when both were read together, then applied in place of the refused one.
            together = bridge.Batches.Coalesced == coalesced + 1;
        }
        Assert.True(together, "the two lists were never read as one batch");
    }
}
