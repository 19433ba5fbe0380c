using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Bounds what any peer can make the service hold or do: authenticated connections (<c>Bridge:MaxConnections</c>),
/// the messages and bytes per second of one connection (<c>Bridge:MaxMessagesPerSecond</c>,
/// <c>Bridge:MaxBytesPerSecond</c>), of all unauthenticated peers together
/// (<c>Bridge:MaxUnauthenticatedMessagesPerSecond</c>), symbols and positions per account. Every excess is
/// refused with an error naming the setting and counted in <see cref="BridgeCounters"/>. Socket thread only.
/// </summary>
public sealed partial class InputLimits
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private readonly BridgeOptions _options;
    private readonly BridgeCounters _counters;
    private readonly ILogger<InputLimits> _logger;
    private readonly ConnectionGuard _unauthenticated = new();
    private DateTimeOffset _capacityLoggedAt = DateTimeOffset.MinValue;

    public InputLimits(IOptions<BridgeOptions> options, BridgeCounters counters, ILogger<InputLimits> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>
    /// Null when a connection that has just passed its hello may be served beside <paramref name="current"/>
    /// authenticated others; otherwise the <c>limit_exceeded</c> reply, and the connection is not kept.
    /// </summary>
    public byte[]? AdmitHello(HelloMessage hello, int current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hello);
        if (current < _options.MaxConnections) return null;
        _counters.CountConnectionRefused();
        if (now - _capacityLoggedAt >= LogEvery)
        {
            _capacityLoggedAt = now;
            LogCapacity(_options.MaxConnections);
        }
        return WireWriter.Serialize(new WireError(WireErrorCode.LimitExceeded,
            $"the service already serves its maximum of {_options.MaxConnections} authenticated connections (Bridge:MaxConnections); try again later") { Id = hello.Id });
    }

    /// <summary>
    /// Runs before a message is parsed. True when the message goes no further; <paramref name="reply"/> is then
    /// what to send back, or null when it is dropped unanswered (an ignored connection, or unauthenticated traffic
    /// beyond its shared budget).
    /// </summary>
    public bool Screen(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now, out byte[]? reply)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var guard = connection.Guard;
        reply = null;
        if (guard.Ignored)
        {
            _counters.CountIgnored();
            return true;
        }
        // Peers that have not said hello share one budget: however many there are, they cost a bounded amount.
        if (connection.Slot is null && !_unauthenticated.TryTake(now, payload.Length, _options.MaxUnauthenticatedMessagesPerSecond, _options.MaxBytesPerSecond, _options.MaxMessageBytes))
        {
            _counters.CountUnauthenticatedDropped();
            return true;
        }
        if (!guard.TryTake(now, payload.Length, _options.MaxMessagesPerSecond, _options.MaxBytesPerSecond, _options.MaxMessageBytes))
        {
            _counters.CountRateLimited();
            if (!guard.RateLimitLogged)
            {
                guard.RateLimitLogged = true;
                LogRateLimited(connection.Login, _options.MaxMessagesPerSecond, _options.MaxBytesPerSecond);
            }
            reply = Error(payload, WireErrorCode.RateLimit,
                $"more than {_options.MaxMessagesPerSecond} messages or {_options.MaxBytesPerSecond} bytes per second on this connection (Bridge:MaxMessagesPerSecond, Bridge:MaxBytesPerSecond); this message was dropped");
            return true;
        }
        guard.RateLimitLogged = false;
        return false;
    }

    /// <summary>Runs after parsing, for a connection that said hello: null when the message fits the account's limits.</summary>
    public byte[]? Inspect(Connection connection, ClientMessage message)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(message);
        if (connection.Slot is not { } slot) return null;
        var maxPositions = _options.MaxPositionsPerAccount;
        var maxSymbols = _options.MaxSymbolsPerAccount;
        var view = slot.View;
        string? problem = null;
        switch (message)
        {
            case PositionsMessage positions when positions.Positions.Count > maxPositions:
                problem = $"positions lists {positions.Positions.Count} positions; an account may hold at most {maxPositions} (Bridge:MaxPositionsPerAccount)";
                _counters.CountPositionsRefused();
                break;
            case CheckMessage { Snapshot: { } snapshot } when snapshot.Positions.Count > maxPositions:
                problem = $"snapshot.positions lists {snapshot.Positions.Count} positions; an account may hold at most {maxPositions} (Bridge:MaxPositionsPerAccount)";
                _counters.CountPositionsRefused();
                break;
            case SizeMessage { Snapshot: { } snapshot } when snapshot.Positions.Count > maxPositions:
                problem = $"snapshot.positions lists {snapshot.Positions.Count} positions; an account may hold at most {maxPositions} (Bridge:MaxPositionsPerAccount)";
                _counters.CountPositionsRefused();
                break;
            case SymbolMessage symbol when view.Symbols.Specs.Length >= maxSymbols && !view.Symbols.TryGet(symbol.Symbol, out _):
                problem = $"symbol {symbol.Symbol} would be symbol {view.Symbols.Specs.Length + 1} of this account; at most {maxSymbols} are kept (Bridge:MaxSymbolsPerAccount)";
                _counters.CountSymbolsRefused();
                break;
            case TickMessage tick when NewQuotes(view, [tick.Symbol]) is var added && view.Quotes.Count + added > maxSymbols:
                problem = $"a quote for {tick.Symbol} would make {view.Quotes.Count + added} quoted symbols on this account; at most {maxSymbols} are kept (Bridge:MaxSymbolsPerAccount)";
                _counters.CountSymbolsRefused();
                break;
            case TicksMessage ticks when NewQuotes(view, ticks.Ticks.Select(t => t.Symbol)) is var added && view.Quotes.Count + added > maxSymbols:
                problem = $"these quotes would make {view.Quotes.Count + added} quoted symbols on this account; at most {maxSymbols} are kept (Bridge:MaxSymbolsPerAccount)";
                _counters.CountSymbolsRefused();
                break;
        }
        if (problem is null) return null;
        LogLimit(view.Login, message.Type, problem);
        return WireWriter.Serialize(new WireError(WireErrorCode.LimitExceeded, problem) { Id = message.Id });
    }

    /// <summary>Counts a frame the transport refused before parsing; false when the connection is ignored and gets no answer.</summary>
    public bool AnswerRefusedFrame(Connection connection, string code)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (code == WireErrorCode.TooLarge) _counters.CountTooLarge();
        else _counters.CountBadFraming();
        return !connection.Guard.Ignored;
    }

    private static int NewQuotes(AccountView view, IEnumerable<string> symbols)
    {
        HashSet<string>? added = null;
        foreach (var symbol in symbols)
        {
            if (!view.Quotes.TryGetQuote(symbol, out _)) (added ??= new(StringComparer.OrdinalIgnoreCase)).Add(symbol);
        }
        return added?.Count ?? 0;
    }

    /// <summary>An error that carries the frame's id when it has a readable one, so the sender can match it.</summary>
    private static byte[] Error(ReadOnlySpan<byte> payload, string code, string text) =>
        WireWriter.Serialize(new WireError(code, text) { Id = WireParser.LeadingId(payload) });

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Connection limit of {Max} reached (Bridge:MaxConnections); refusing further hellos")]
    private partial void LogCapacity(int max);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "A connection of account {Login} exceeds {Rate} messages or {Bytes} bytes per second; dropping the excess")]
    private partial void LogRateLimited(long? login, int rate, int bytes);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "Account {Login}: {Type} refused: {Problem}")]
    private partial void LogLimit(long login, string type, string problem);
}
