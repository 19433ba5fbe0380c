namespace Mt4RiskBridge.Core;

/// <summary>What an account may do: trade freely, only reduce exposure, or open nothing.</summary>
public enum TradingState
{
    Active,

    /// <summary>Only orders that reduce exposure are approved (<c>trading_reducing</c>).</summary>
    Reducing,

    /// <summary>Every opening order is rejected (<c>trading_halted</c>).</summary>
    Halted,
}
