namespace Mt4RiskBridge.Core;

/// <summary>What the service does about a manual position that breaks a rule (setting <c>Enforcement:Mode</c>).</summary>
public enum EnforcementMode
{
    /// <summary>Push a <c>post_trade_violation</c> warning only (the default).</summary>
    Warn,

    /// <summary>Also instruct the EA to close the lots above what the rules allow.</summary>
    Reduce,
}
