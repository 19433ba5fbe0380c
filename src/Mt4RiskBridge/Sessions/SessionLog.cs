using Microsoft.Extensions.Logging;

namespace Mt4RiskBridge.Sessions;

/// <summary>Log lines that several session classes write, each under its own category.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Refused a message from account {Login}: {Code}")]
    public static partial void Refused(ILogger logger, long? login, string code);

    [LoggerMessage(EventId = 205, Level = LogLevel.Error, Message = "Engine failed on check {Id} of account {Login} ({Lots} {Symbol}); rejected")]
    public static partial void EngineError(ILogger logger, Exception exception, long login, string id, string symbol, decimal lots);
}
