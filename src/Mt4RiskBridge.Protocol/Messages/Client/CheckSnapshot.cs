namespace Mt4RiskBridge.Protocol;

/// <summary>The account as the asking EA saw it when it asked; it supersedes the stored state for that check.</summary>
public sealed record CheckSnapshot(decimal Balance, decimal Equity, decimal Margin, EquatableArray<WirePosition> Positions);
