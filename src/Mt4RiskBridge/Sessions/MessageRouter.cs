using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Sessions.Handlers;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The service side of protocol v1 between the transport and the handlers: screens each message against the input
/// limits, parses it and hands it to the one <see cref="IMessageHandler"/> registered for its type. Runs on the
/// socket thread only; it touches no socket and returns the reply bytes for the transport to send.
/// </summary>
public sealed partial class MessageRouter
{
    private readonly FrozenDictionary<string, IMessageHandler> _handlers;
    private readonly InputLimits _limits;
    private readonly LiveFeed _feed;
    private readonly ILogger<MessageRouter> _logger;

    /// <summary>Throws <see cref="InvalidOperationException"/> unless every client message type has exactly one handler.</summary>
    public MessageRouter(IEnumerable<IMessageHandler> handlers, InputLimits limits, LiveFeed feed, ILogger<MessageRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var byType = new Dictionary<string, IMessageHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!WireMessageType.ClientTypes.Contains(handler.Type))
                throw new InvalidOperationException($"{handler.GetType().Name} handles \"{handler.Type}\", which is not a client message type");
            if (!byType.TryAdd(handler.Type, handler))
                throw new InvalidOperationException($"\"{handler.Type}\" has two handlers: {byType[handler.Type].GetType().Name} and {handler.GetType().Name}");
        }
        foreach (var type in WireMessageType.ClientTypes)
        {
            if (!byType.ContainsKey(type)) throw new InvalidOperationException($"no handler is registered for \"{type}\" messages");
        }
        _handlers = byType.ToFrozenDictionary(StringComparer.Ordinal);
        _limits = limits;
        _feed = feed;
        _logger = logger;
    }

    public byte[]? RefuseTooLarge(Connection connection, int size, int limit)
    {
        if (!_limits.AnswerRefusedFrame(connection, WireErrorCode.TooLarge)) return null;
        SessionLog.Refused(_logger, connection.Login, WireErrorCode.TooLarge);
        return WireWriter.Serialize(new WireError(WireErrorCode.TooLarge,
            $"message of {size} bytes is larger than the {limit}-byte limit (Bridge:MaxMessageBytes)"));
    }

    public byte[]? RefuseFrames(Connection connection, int frames)
    {
        if (!_limits.AnswerRefusedFrame(connection, WireErrorCode.BadJson)) return null;
        SessionLog.Refused(_logger, connection.Login, WireErrorCode.BadJson);
        return WireWriter.Serialize(new WireError(WireErrorCode.BadJson,
            $"a message must be exactly one frame (after the empty delimiter for REQ sockets), not {frames}"));
    }

    /// <summary>
    /// The budgets a message meets as it is read, before it is parsed (<see cref="InputLimits.Screen"/>): true when
    /// it goes no further, with the reply to send, if any.
    /// </summary>
    public bool Screen(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now, out byte[]? reply) =>
        _limits.Screen(connection, payload, now, out reply);

    /// <summary>Screens and applies one message and returns its reply, or null when it needs none.</summary>
    public byte[]? Handle(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now)
    {
        if (Screen(connection, payload, now, out var screened)) return screened;
        return Handle(connection, payload, now, Stopwatch.GetTimestamp(), out _);
    }

    /// <summary>
    /// Applies one message that passed <see cref="Screen"/> and returns its reply, or null when it needs none.
    /// <paramref name="received"/> is when it was read (<see cref="Stopwatch"/> ticks); <paramref name="refused"/>
    /// is true when it changed nothing because it was refused.
    /// </summary>
    public byte[]? Handle(Connection connection, ReadOnlySpan<byte> payload, DateTimeOffset now, long received, out bool refused)
    {
        ArgumentNullException.ThrowIfNull(connection);
        refused = true;
        var parsed = WireParser.Parse(payload);
        if (!parsed.IsSuccess)
        {
            SessionLog.Refused(_logger, connection.Login, parsed.Error.Code);
            return WireWriter.Serialize(parsed.Error);
        }

        var message = parsed.Message;
        _feed.Message(message.Type);
        if (_limits.Inspect(connection, message) is { } limited) return limited;
        return _handlers[message.Type].Handle(connection, message, now, received, out refused);
    }
}
