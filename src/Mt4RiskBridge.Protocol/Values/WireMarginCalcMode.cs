namespace Mt4RiskBridge.Protocol;

/// <summary>MarketInfo's MODE_MARGINCALCMODE as the symbol message carries it: the integer MT4 reports.</summary>
public enum WireMarginCalcMode
{
    Forex = 0,
    Cfd = 1,
    Futures = 2,
    CfdIndex = 3,
    CfdLeverage = 4,
}
