namespace Mt4RiskBridge.Core;

/// <summary>The stable codes of pushed warnings: part of the public protocol, never renamed.</summary>
public static class AlertCode
{
    public const string WeekendExposure = "weekend_exposure";
    public const string TierChange = "tier_change";
    public const string MarginCallRisk = "margin_call_risk";
    public const string TradingState = "trading_state";
    public const string UnlimitedEligibility = "unlimited_eligibility";
    public const string PostTradeViolation = "post_trade_violation";
}
