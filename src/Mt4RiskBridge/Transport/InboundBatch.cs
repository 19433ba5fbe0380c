using System.Diagnostics;
using System.Text;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Sessions;
using NetMQ;

namespace Mt4RiskBridge.Transport;

/// <summary>
/// One readiness event of the ROUTER socket: reads what is waiting (up to a batch, a share of it per connection,
/// and about one <c>Bridge:MaxMessageBytes</c> of messages to parse), then answers the batch's checks before it
/// applies the rest. A check is judged after everything its own connection sent before it and the state its
/// account's other connections sent before it; the state of other accounts read in the same batch waits behind it.
/// An id-less <c>account</c>, <c>positions</c> or <c>tick</c> (per symbol) that a later one for the same account
/// replaces, with nothing else of that account in between, is skipped unread; should the later one be refused, the
/// skipped one is applied in its place.
/// Socket thread only.
/// </summary>
internal sealed partial class InboundBatch : IDisposable
{
    /// <summary>Messages read per readiness event, so timers and pushes get their turn under load.</summary>
    internal const int BatchSize = 512;

    /// <summary>Messages of one connection per batch: the ROUTER reads its peers in turn, so the others had theirs.</summary>
    internal const int ShareMessages = 32;

    private readonly Entry[] _entries = new Entry[BatchSize];
    private readonly Dictionary<AccountSlot, Held> _held = new(ReferenceEqualityComparer.Instance);
    private readonly byte[] _identity = new byte[256];
    private readonly ConnectionTable _connections;
    private readonly MessageRouter _router;
    private readonly ServiceClock _clock;
    private readonly BatchStatistics _statistics;
    private readonly Action<Connection, byte[]?> _reply;
    private readonly ILogger _logger;
    private readonly int _maxMessageBytes;
    private readonly long _shareBytes;
    private Msg _head;
    private int _count;
    private long _batch;
    private int _backlog;
    private int _backlogApplied;
    // Bytes read in this batch that will be parsed (refused frames cost next to nothing and do not count).
    private long _parseBytes;

    public InboundBatch(ConnectionTable connections, MessageRouter router, ServiceClock clock, BatchStatistics statistics, int maxMessageBytes,
        Action<Connection, byte[]?> reply, ILogger logger)
    {
        _connections = connections;
        _router = router;
        _clock = clock;
        _statistics = statistics;
        _maxMessageBytes = maxMessageBytes;
        // Two full-size messages: enough for any terminal, and a flood of large lists is cut into turns.
        _shareBytes = 2L * maxMessageBytes;
        _reply = reply;
        _logger = logger;
        _head.InitEmpty();
        for (var i = 0; i < _entries.Length; i++) _entries[i].Frame.InitEmpty();
    }

    /// <summary>Reads what the socket holds (one batch), then handles it: checks first.</summary>
    public void Run(NetMQSocket router)
    {
        _batch++;
        _count = 0;
        _backlog = _backlogApplied = 0;
        _parseBytes = 0;
        _held.Clear();
        try
        {
            Read(router);
            MarkBacklog();
            for (var k = 0; k < _count; k++)
            {
                if (_entries[k].Done || _entries[k].Sniffed.Kind != SniffedKind.Check) continue;
                ApplyBefore(k);
                RecordCheck();
                Process(k);
            }
            for (var j = 0; j < _count; j++)
            {
                if (!_entries[j].Done) Process(j);
            }
        }
        finally
        {
            for (var i = 0; i < _count; i++) Release(ref _entries[i]);
            _connections.EndBatch();
            _statistics.Batch(_count);
        }
    }

    private void Read(NetMQSocket router)
    {
        var now = _clock.Now;
        while (_count < BatchSize)
        {
            if (!router.TryReceive(ref _head, TimeSpan.Zero)) return;
            // ZeroMQ identities are at most 255 bytes; copied, because the frame is reused.
            var identity = _identity.AsSpan(0, _head.Size);
            _head.Slice().CopyTo(identity);
            if (!_head.HasMore) continue;
            ref var entry = ref _entries[_count];
            router.Receive(ref entry.Frame);
            if (!entry.Frame.HasMore && entry.Frame.Slice().SequenceEqual(BridgeServer.DisconnectMarker))
            {
                // Everything the peer sent came before this; it is handled now, so a new peer that takes the
                // identity later in the batch starts afresh.
                ApplyConnection(identity);
                _connections.Disconnected(identity);
                continue;
            }
            var connection = _connections.Connect(identity, now);
            // REQ peers send an empty delimiter before the message; DEALER peers send the message alone.
            var delimited = entry.Frame.Size == 0 && entry.Frame.HasMore;
            if (delimited) router.Receive(ref entry.Frame);
            connection.UsesDelimiter = delimited;
            entry.Connection = connection;
            entry.Slot = connection.Slot;
            entry.Received = Stopwatch.GetTimestamp();
            entry.Reply = null;
            entry.Sniffed = default;
            entry.Supersedes = -1;
            entry.Done = entry.Superseded = entry.Backlog = entry.Answered = false;
            var share = TakeShare(connection, entry.Frame.Size);
            if (entry.Frame.HasMore)
            {
                var frames = 1;
                while (entry.Frame.HasMore)
                {
                    router.Receive(ref entry.Frame);
                    frames++;
                }
                Answer(ref entry, _router.RefuseFrames(connection, frames));
            }
            else if (entry.Frame.Size > _maxMessageBytes)
            {
                Answer(ref entry, _router.RefuseTooLarge(connection, entry.Frame.Size, _maxMessageBytes));
            }
            else if (_router.Screen(connection, entry.Frame.Slice(), now, out var screened))
            {
                Answer(ref entry, screened);
            }
            else
            {
                entry.Sniffed = WireSniffer.Sniff(entry.Frame.Slice());
                Hold(_count);
                _parseBytes += entry.Frame.Size;
            }
            if (entry.Answered && entry.Reply is null) Release(ref entry);
            else _count++;
            // One full-size message's worth to parse per wake: a check read next waits for that much at most.
            if (!share || _parseBytes >= _maxMessageBytes) return;
        }
    }

    private static void Answer(ref Entry entry, byte[]? reply)
    {
        entry.Answered = true;
        entry.Reply = reply;
    }

    /// <summary>Counts a message against its connection's share of the batch; false when that share is used up.</summary>
    private bool TakeShare(Connection connection, int bytes)
    {
        if (connection.Batch != _batch)
        {
            connection.Batch = _batch;
            connection.BatchMessages = 0;
            connection.BatchBytes = 0;
        }
        connection.BatchMessages++;
        connection.BatchBytes += bytes;
        return connection.BatchMessages < ShareMessages && connection.BatchBytes < _shareBytes;
    }

    /// <summary>Notes which earlier state message of the same account this one makes redundant.</summary>
    private void Hold(int index)
    {
        ref var entry = ref _entries[index];
        if (entry.Slot is not { } slot) return;
        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_held, slot, out var exists);
        if (!exists) held = Held.None;
        var sniffed = entry.Sniffed;
        if (!sniffed.Supersedable)
        {
            // Anything else of the account (a check above all) must see what came before it: nothing earlier is skipped.
            held = Held.None with { HasCheck = held.HasCheck || sniffed.Kind == SniffedKind.Check };
            return;
        }
        switch (sniffed.Kind)
        {
            case SniffedKind.Account:
                Supersede(index, held.Account);
                held.Account = index;
                break;
            case SniffedKind.Positions:
                Supersede(index, held.Positions);
                held.Positions = index;
                break;
            default:
                // Ticks of one account are chained newest first; a symbol appears at most once in the chain.
                var symbol = Symbol(index);
                var previous = -1;
                for (var t = held.Ticks; t >= 0; previous = t, t = _entries[t].NextTick)
                {
                    if (!Ascii.EqualsIgnoreCase(Symbol(t), symbol)) continue;
                    Supersede(index, t);
                    if (previous < 0) held.Ticks = _entries[t].NextTick;
                    else _entries[previous].NextTick = _entries[t].NextTick;
                    break;
                }
                entry.NextTick = held.Ticks;
                held.Ticks = index;
                break;
        }
    }

    private ReadOnlySpan<byte> Symbol(int index)
    {
        ref var entry = ref _entries[index];
        return entry.Frame.Slice().Slice(entry.Sniffed.SymbolStart, entry.Sniffed.SymbolLength);
    }

    private void Supersede(int index, int earlier)
    {
        // One already applied (its connection disconnected) is simply followed by the newer one.
        if (earlier < 0 || _entries[earlier].Done) return;
        _entries[earlier].Superseded = true;
        _entries[index].Supersedes = earlier;
    }

    /// <summary>State of accounts that ask nothing in this batch: the backlog checks must not wait behind.</summary>
    private void MarkBacklog()
    {
        for (var i = 0; i < _count; i++)
        {
            ref var entry = ref _entries[i];
            if (entry.Slot is not { } slot || entry.Sniffed.Kind is SniffedKind.Other or SniffedKind.Check) continue;
            if (_held.TryGetValue(slot, out var held) && held.HasCheck) continue;
            entry.Backlog = true;
            _backlog++;
            // Applied while reading, because its connection ended: it did go before the checks.
            if (entry.Done && !entry.Superseded) _backlogApplied++;
        }
    }

    private void RecordCheck() => _statistics.CheckDecided(_backlogApplied, _backlog - _backlogApplied);

    /// <summary>Handles, in order, what the check at <paramref name="check"/> must be judged after.</summary>
    private void ApplyBefore(int check)
    {
        var connection = _entries[check].Connection;
        var slot = _entries[check].Slot;
        for (var j = 0; j < check; j++)
        {
            ref var entry = ref _entries[j];
            if (entry.Done) continue;
            if (ReferenceEquals(entry.Connection, connection) || (slot is not null && ReferenceEquals(entry.Slot, slot))) Process(j);
        }
    }

    /// <summary>Handles, in order, every message read so far from the peer of <paramref name="identity"/>.</summary>
    private void ApplyConnection(ReadOnlySpan<byte> identity)
    {
        for (var j = 0; j < _count; j++)
        {
            ref var entry = ref _entries[j];
            if (!entry.Done && entry.Connection.Identity.AsSpan().SequenceEqual(identity)) Process(j);
        }
    }

    private void Process(int index)
    {
        ref var entry = ref _entries[index];
        entry.Done = true;
        if (entry.Answered)
        {
            _reply(entry.Connection, entry.Reply);
            return;
        }
        if (entry.Superseded)
        {
            _statistics.CountCoalesced();
            return;
        }
        // A refused message changes nothing, so the one it replaced is applied in its place.
        for (var i = index; i >= 0; i = _entries[i].Supersedes)
        {
            ref var current = ref _entries[i];
            current.Done = true;
            if (current.Backlog) _backlogApplied++;
            var reply = HandleGuarded(current.Connection, current.Frame.Slice(), current.Received, out var refused);
            _reply(current.Connection, reply);
            // Skipped (or still waiting) because of this one: not skipped after all.
            if (!refused || current.Supersedes < 0 || !_entries[current.Supersedes].Superseded) return;
            _entries[current.Supersedes].Superseded = false;
        }
    }

    /// <summary>
    /// Hands one message to the router; a failure anywhere in its handling becomes an <c>engine_error</c> reply
    /// (never an approval) and the socket thread lives on to serve the next message.
    /// </summary>
    private byte[]? HandleGuarded(Connection connection, ReadOnlySpan<byte> payload, long received, out bool refused)
    {
        try
        {
            return _router.Handle(connection, payload, connection.LastSeen, received, out refused);
        }
#pragma warning disable CA1031 // Whatever one message breaks, the other terminals keep their risk gate.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            refused = true;
            var id = WireParser.Parse(payload).Id;
            LogHandlingFailed(ex, connection.Login, id);
            return WireWriter.Serialize(new WireError(WireErrorCode.EngineError,
                "the service failed while handling this message; it was not approved and the failure is logged") { Id = id });
        }
    }

    private static void Release(ref Entry entry)
    {
        entry.Frame.Close();
        entry.Frame.InitEmpty();
        entry.Connection = null!;
        entry.Slot = null;
        entry.Reply = null;
    }

    public void Dispose()
    {
        if (_head.IsInitialised) _head.Close();
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i].Frame.IsInitialised) _entries[i].Frame.Close();
        }
    }

    /// <summary>One message read in this batch and what has become of it.</summary>
    private struct Entry
    {
        public Msg Frame;
        public Connection Connection;
        /// <summary>The account its connection spoke for when it was read; null before hello.</summary>
        public AccountSlot? Slot;
        public SniffedFrame Sniffed;
        public long Received;
        /// <summary>Refused as it was read: <see cref="Reply"/> is all it gets.</summary>
        public bool Answered;
        public byte[]? Reply;
        /// <summary>The earlier message of the same account this one replaces, or -1.</summary>
        public int Supersedes;
        public int NextTick;
        public bool Superseded;
        public bool Backlog;
        public bool Done;
    }

    /// <summary>The latest id-less state messages of one account in this batch, by entry index (-1 for none).</summary>
    private struct Held
    {
        public static Held None => new() { Account = -1, Positions = -1, Ticks = -1 };

        public int Account;
        public int Positions;
        public int Ticks;
        public bool HasCheck;
    }

    [LoggerMessage(EventId = 721, Level = LogLevel.Error, Message = "Handling a message of account {Login} (id {Id}) failed; answered engine_error")]
    private partial void LogHandlingFailed(Exception exception, long? login, string? id);
}
