namespace Mt4RiskBridge.Core;

/// <summary>Market orders fill at the current quote; limit and stop orders at the price they name.</summary>
public enum OrderType
{
    Market,
    Limit,
    Stop,
}
