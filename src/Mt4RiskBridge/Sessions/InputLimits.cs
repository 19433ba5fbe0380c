using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Bounds what any peer can make the service hold or do: connections (<c>Bridge:MaxConnections</c>), the message
/// rate of one connection (<c>Bridge:MaxMessagesPerSecond</c>), symbols and positions per account. Every excess is
/// refused with an error naming the setting and counted in <see cref="BridgeCounters"/>. Socket thread only.
/// </summary>
public sealed partial class InputLimits
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private readonly BridgeOptions _options;
    private readonly BridgeCounters _counters;
    private readonly ILogger<InputLimits> _logger;
    private DateTimeOffset _capacityLoggedAt = DateTimeOffset.MinValue;

    public InputLimits(IOptions<BridgeOptions> options, BridgeCounters counters, ILogger<InputLimits> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>Whether a new peer may be stored beside <paramref name="current"/> others; a refused one is marked.</summary>
    public bool AdmitConnection(Connection connection, int current)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (current < _options.MaxConnections) return true;
        connection.Guard.OverCapacity = true;
        return false;
    }

    /// <summary>
    /// Runs before a message is parsed. True when the message goes no further; <paramref name="reply"/> is then
    /// what to send back, or null for a connection that is ignored.
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
        if (guard.OverCapacity)
        {
            _counters.CountConnectionRefused();
            if (now - _capacityLoggedAt >= LogEvery)
            {
                _capacityLoggedAt = now;
                LogCapacity(_options.MaxConnections);
            }
            reply = Error(payload, WireErrorCode.LimitExceeded,
                $"the service already serves its maximum of {_options.MaxConnections} connections (Bridge:MaxConnections); this message was not read, try again later");
            return true;
        }
        if (!guard.TryTake(now, _options.MaxMessagesPerSecond))
        {
            _counters.CountRateLimited();
            if (!guard.RateLimitLogged)
            {
                guard.RateLimitLogged = true;
                LogRateLimited(connection.Login, _options.MaxMessagesPerSecond);
            }
            reply = Error(payload, WireErrorCode.RateLimit,
                $"more than {_options.MaxMessagesPerSecond} messages per second on this connection (Bridge:MaxMessagesPerSecond); this message was dropped");
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
        WireWriter.Serialize(new WireError(code, text) { Id = WireParser.Parse(payload).Id });

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Connection limit of {Max} reached (Bridge:MaxConnections); refusing new peers")]
    private partial void LogCapacity(int max);

    [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "A connection of account {Login} exceeds {Rate} messages per second; dropping the excess")]
    private partial void LogRateLimited(long? login, int rate);

    [LoggerMessage(EventId = 704, Level = LogLevel.Warning, Message = "Account {Login}: {Type} refused: {Problem}")]
    private partial void LogLimit(long login, string type, string problem);
}
