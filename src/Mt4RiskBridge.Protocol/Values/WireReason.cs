namespace Mt4RiskBridge.Protocol;

/// <summary>One entry of a decision's "reasons": the stable code, the message with the numbers, the most lots allowed.</summary>
public sealed record WireReason(string Code, string Message, decimal MaxLots);
