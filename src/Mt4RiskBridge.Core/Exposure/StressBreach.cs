namespace Mt4RiskBridge.Core;

/// <summary>A limit a stressed account would break. The first two warn; the last two are critical.</summary>
public enum StressBreach
{
    /// <summary>The stressed loss is more than <see cref="WeekendSettings.MaxLossPercent"/> of equity.</summary>
    LossLimit,

    /// <summary>The margin level (or, in money mode, equity) falls below the broker's margin-call level.</summary>
    MarginCall,

    /// <summary>The margin level (or equity) falls below the broker's stop-out level.</summary>
    StopOut,

    /// <summary>Equity falls below zero.</summary>
    NegativeEquity,
}
