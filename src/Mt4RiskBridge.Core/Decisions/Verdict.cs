namespace Mt4RiskBridge.Core;

/// <summary>What the EA should do with its order.</summary>
public enum Verdict
{
    /// <summary>Send it as asked.</summary>
    Approve,

    /// <summary>Send it with the smaller, safe lot size the decision names.</summary>
    Resize,

    /// <summary>Do not send it.</summary>
    Reject,
}
