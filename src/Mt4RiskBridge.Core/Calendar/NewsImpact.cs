namespace Mt4RiskBridge.Core;

/// <summary>How much an economic release is expected to move prices, as news calendars grade it.</summary>
public enum NewsImpact
{
    /// <summary>Holidays and non-economic entries.</summary>
    None,
    Low,
    Medium,
    High,
}
