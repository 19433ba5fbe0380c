namespace Mt4RiskBridge.Web;

/// <summary>Answer to halt and resume: the account and the trading state the service now applies to it.</summary>
public sealed record TradingStateReply(long Login, string TradingState);
