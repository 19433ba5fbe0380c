namespace Mt4RiskBridge.Protocol;

/// <summary>A decision's verdict on the wire: "approve", "resize" or "reject".</summary>
public enum WireVerdict
{
    Approve,
    Resize,
    Reject,
}
