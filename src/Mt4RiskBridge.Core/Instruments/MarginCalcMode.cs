namespace Mt4RiskBridge.Core;

/// <summary>How the terminal computes margin for a symbol (MarketInfo MODE_MARGINCALCMODE).</summary>
public enum MarginCalcMode
{
    /// <summary>lots × contract size ÷ leverage, in the margin currency.</summary>
    Forex = 0,

    /// <summary>lots × contract size × price, in the margin currency.</summary>
    Cfd = 1,

    /// <summary>lots × initial margin, in the margin currency.</summary>
    Futures = 2,

    /// <summary>CFD on an index: lots × contract size × price × tick price ÷ tick size, in the margin currency.</summary>
    CfdIndex = 3,

    /// <summary>lots × contract size × price ÷ leverage, in the margin currency.</summary>
    CfdLeverage = 4,
}
