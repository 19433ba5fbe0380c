using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>
/// Answers one type of client message. <see cref="MessageRouter"/> hands each parsed message to the one handler
/// registered for its type. Socket thread only.
/// </summary>
public interface IMessageHandler
{
    /// <summary>The <c>"type"</c> it answers (see <see cref="WireMessageType"/>).</summary>
    string Type { get; }

    /// <summary>
    /// Applies <paramref name="message"/> (of <see cref="Type"/>) and returns its reply, or null when it needs none.
    /// <paramref name="received"/> is when it was read (<see cref="System.Diagnostics.Stopwatch"/> ticks);
    /// <paramref name="refused"/> is true when it changed nothing because it was refused.
    /// </summary>
    byte[]? Handle(Connection connection, ClientMessage message, DateTimeOffset now, long received, out bool refused);
}
