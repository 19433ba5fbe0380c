namespace Mt4RiskBridge.Core;

/// <summary>Whether a change of leverage tier re-prices the margin of positions already open.</summary>
public enum TierAppliesTo
{
    /// <summary>Every open position is charged at the new tier's leverage (the broker re-prices all).</summary>
    AllPositions,

    /// <summary>Only positions opened after the change use the new leverage; open ones keep their margin.</summary>
    NewPositions,
}
