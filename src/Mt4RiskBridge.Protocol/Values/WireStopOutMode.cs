namespace Mt4RiskBridge.Protocol;

/// <summary>How a hello's margin-call and stop-out levels are expressed: "percent" (margin level) or "money" (equity).</summary>
public enum WireStopOutMode
{
    Percent,
    Money,
}
