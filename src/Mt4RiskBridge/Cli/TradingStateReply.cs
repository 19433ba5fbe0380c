namespace Mt4RiskBridge.Cli;

/// <summary>The answer to a halt or resume: the account and its trading state now.</summary>
internal sealed record TradingStateReply(long Login, string? TradingState);
