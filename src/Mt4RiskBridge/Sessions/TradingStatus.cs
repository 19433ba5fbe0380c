using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Sessions;

/// <summary>An account's trading state as last evaluated, and why.</summary>
public sealed record TradingStatus(TradingState State, string Why);
