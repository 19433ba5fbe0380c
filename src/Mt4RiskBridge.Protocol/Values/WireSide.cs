namespace Mt4RiskBridge.Protocol;

/// <summary>Direction of a position or order on the wire: "buy" or "sell".</summary>
public enum WireSide
{
    Buy,
    Sell,
}
