namespace Mt4RiskBridge.Core;

/// <summary>Direction of a position or order. Buys open at the ask, sells at the bid.</summary>
public enum Side
{
    Buy,
    Sell,
}
