namespace Mt4RiskBridge.Core;

/// <summary>Whether margin-call and stop-out levels are a margin level in percent or an equity amount.</summary>
public enum StopOutMode
{
    Percent,
    Money,
}
