namespace Mt4RiskBridge.Protocol;

/// <summary>The order type a check names: "market", "limit" or "stop".</summary>
public enum WireOrderType
{
    Market,
    Limit,
    Stop,
}
