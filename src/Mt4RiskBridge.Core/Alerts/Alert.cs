namespace Mt4RiskBridge.Core;

/// <summary>
/// A warning ready to push: a stable <see cref="Code"/>, a severity, an English message with the numbers
/// (invariant culture), and the same numbers as JSON-ready details (decimals, strings, integers, lists).
/// </summary>
public sealed record Alert(string Code, AlertSeverity Severity, string Message, IReadOnlyDictionary<string, object?> Details);
