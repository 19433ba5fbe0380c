using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The messages a terminal gets unasked (warnings and instructions): logged, published to the live feed and handed
/// to the transport, which queues them for the account's DEALER connections. Socket thread only.
/// </summary>
public sealed partial class TerminalPusher(LiveFeed feed, ILogger<TerminalPusher> logger)
{
    private readonly ILogger<TerminalPusher> _logger = logger;
    private Action<long, byte[]>? _push;

    /// <summary>The transport's queue; until it is attached, pushes are logged and published but not sent.</summary>
    internal void Attach(Action<long, byte[]> push) => _push = push;

    public void Alert(long login, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        LogWarningPushed(login, alert.Code, alert.Severity, alert.Message);
        feed.Warned(login, alert);
        _push?.Invoke(login, WireWriter.Warning(WarningPush.ToMessage(alert)));
    }

    public void Instruction(long login, CloseInstruction close)
    {
        ArgumentNullException.ThrowIfNull(close);
        LogInstruction(login, close.Ticket, close.Lots);
        _push?.Invoke(login, WireWriter.Instruction(new InstructionMessage(InstructionAction.Close, close.Ticket, close.Lots)));
    }

    [LoggerMessage(EventId = 206, Level = LogLevel.Warning, Message = "Account {Login} warned {Code} ({Severity}): {Message}")]
    private partial void LogWarningPushed(long login, string code, AlertSeverity severity, string message);

    [LoggerMessage(EventId = 207, Level = LogLevel.Warning, Message = "Account {Login}: instructing the terminal to close {Lots} lots of ticket {Ticket}")]
    private partial void LogInstruction(long login, long ticket, decimal lots);
}
