namespace Mt4RiskBridge.Core;

/// <summary>A rule that bound the decision: a stable <see cref="Code"/>, a message with the numbers, and the most lots the rule allows.</summary>
public sealed record Reason(string Code, string Message, decimal MaxLots);
