namespace Mt4RiskBridge.Core;

/// <summary>From <see cref="MinEquity"/> (account currency) upward, the broker grants at most <see cref="Leverage"/>.</summary>
public readonly record struct LeverageTier(decimal MinEquity, Leverage Leverage);
