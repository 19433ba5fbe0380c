namespace Mt4RiskBridge.Reports;

/// <summary>The direction of a market trade.</summary>
public enum TradeSide
{
    Buy,
    Sell,
}
