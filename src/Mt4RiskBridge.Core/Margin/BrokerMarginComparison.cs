namespace Mt4RiskBridge.Core;

/// <summary>Per-lot margin in the account currency as computed and as the broker reports it.</summary>
public sealed record BrokerMarginComparison(string Symbol, decimal Computed, decimal Broker, bool Differs);
