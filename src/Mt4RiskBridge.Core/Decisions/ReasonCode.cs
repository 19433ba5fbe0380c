namespace Mt4RiskBridge.Core;

/// <summary>The stable reason codes: part of the public protocol, never renamed.</summary>
public static class ReasonCode
{
    public const string LotCapOrder = "lot_cap_order";
    public const string LotCapSymbol = "lot_cap_symbol";
    public const string LotCapTotal = "lot_cap_total";
    public const string MaxPositions = "max_positions";
    public const string MarginFloor = "margin_floor";
    public const string TierCrossing = "tier_crossing";
    public const string RiskPerTrade = "risk_per_trade";
    public const string NoStopLoss = "no_stop_loss";
    public const string EffectiveLeverage = "effective_leverage";
    public const string UnknownSymbol = "unknown_symbol";
    public const string NoQuote = "no_quote";
    public const string NoConversion = "no_conversion";
    public const string StaleState = "stale_state";
    public const string InvalidOrder = "invalid_order";
    public const string BelowMinLot = "below_min_lot";
    public const string LotStep = "lot_step";
    public const string MaxLot = "max_lot";
    public const string WeekendWindow = "weekend_window";
    public const string NewsWindow = "news_window";
    public const string WeekendBlock = "weekend_block";
    public const string TradingReducing = "trading_reducing";
    public const string TradingHalted = "trading_halted";
    public const string RateLimit = "rate_limit";
    public const string UnknownState = "unknown_state";
    public const string EngineError = "engine_error";
}
