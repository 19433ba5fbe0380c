namespace Mt4RiskBridge.Protocol;

/// <summary>The <c>"type"</c> strings of protocol v1: stable, part of the public protocol.</summary>
public static class WireMessageType
{
    public const string Hello = "hello";
    public const string Account = "account";
    public const string Symbol = "symbol";
    public const string Tick = "tick";
    public const string Ticks = "ticks";
    public const string Positions = "positions";
    public const string Check = "check";
    public const string Heartbeat = "heartbeat";
    public const string Size = "size";

    public const string Welcome = "welcome";
    public const string Decision = "decision";
    public const string Ack = "ack";
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Instruction = "instruction";
    public const string Suggestion = "suggestion";

    /// <summary>Types a client sends to the service.</summary>
    public static IReadOnlyList<string> ClientTypes { get; } = [Hello, Account, Symbol, Tick, Ticks, Positions, Check, Heartbeat, Size];

    /// <summary>Types the service sends to a client.</summary>
    public static IReadOnlyList<string> ServiceTypes { get; } = [Welcome, Decision, Ack, Error, Warning, Instruction, Suggestion];
}
