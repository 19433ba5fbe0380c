using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Sessions;

/// <summary>One warning pushed to an account's terminals.</summary>
public sealed record WarningRecord(long Seq, DateTimeOffset At, long Login, string Code, AlertSeverity Severity, string Message) : ISequenced;
