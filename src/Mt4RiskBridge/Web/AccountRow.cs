namespace Mt4RiskBridge.Web;

/// <summary>One account on the accounts page and in <c>/api/accounts</c>. Money in the account currency; levels in percent (null: no margin in use).</summary>
public sealed record AccountRow
{
    public required long Login { get; init; }
    public required string Server { get; init; }
    public required string Currency { get; init; }
    public bool HasAccount { get; init; }
    public decimal Balance { get; init; }
    public decimal Equity { get; init; }
    public decimal Margin { get; init; }
    public decimal? MarginLevel { get; init; }
    public decimal FloorPercent { get; init; }
    public required string Leverage { get; init; }
    public required string TierLeverage { get; init; }
    public decimal TierMinEquity { get; init; }
    public decimal? NextTierMinEquity { get; init; }
    public string? NextTierLeverage { get; init; }
    public decimal? ToNextTier { get; init; }
    public decimal? ToNextTierPercent { get; init; }
    public decimal? EffectiveLeverage { get; init; }
    public decimal OpenLots { get; init; }
    public int Positions { get; init; }
    public required string TradingState { get; init; }
    public string? TradingWhy { get; init; }
    public decimal? WeekendLoss { get; init; }
    public decimal? WeekendMarginLevelAfter { get; init; }
    public double? StateAgeSeconds { get; init; }
    public int Connections { get; init; }

    /// <summary>Figures close to a limit, which the page shows in red: margin, tier, weekend, state, stale.</summary>
    public required IReadOnlyList<string> Near { get; init; }
}
