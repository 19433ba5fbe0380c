namespace Mt4RiskBridge.Protocol;

/// <summary>A decision's "tier": from <see cref="MinEquity"/> upward the broker grants at most <see cref="Leverage"/>.</summary>
public readonly record struct WireTier(decimal MinEquity, WireLeverage Leverage);
