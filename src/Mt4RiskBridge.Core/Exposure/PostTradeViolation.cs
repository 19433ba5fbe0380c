namespace Mt4RiskBridge.Core;

/// <summary>A rule a new position breaks: the position, the rule's reason code and message, and the most lots the rule allows.</summary>
public sealed record PostTradeViolation(long Ticket, string Symbol, string Rule, string Message, decimal MaxLots);
