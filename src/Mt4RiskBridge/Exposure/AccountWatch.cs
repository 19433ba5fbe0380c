using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Exposure;

/// <summary>What the service remembers about one account between messages to decide when to warn. Socket thread only.</summary>
internal sealed class AccountWatch
{
    public EquityMarks? Marks { get; set; }
    /// <summary>The trading state last worked out; null until an account report and a server time allowed it.</summary>
    public TradingState? State { get; set; }
    public string Why { get; set; } = "";
    public decimal? LastEquity { get; set; }
    public DateTimeOffset? MarginCallSent { get; set; }
    public DateTime? WeekendSent { get; set; }
    public bool OpenedSinceWeekendWarning { get; set; }
    public HashSet<long>? KnownTickets { get; set; }
    public RateWindow? Rate { get; set; }
    public bool? Eligible { get; set; }

    /// <summary>Recent approvals and resizes, oldest first, that a newly reported position may fill.</summary>
    public List<ApprovedOrder> Approvals { get; } = [];

    /// <summary>What the trading state was last worked out from, so an unchanged account is not evaluated again.</summary>
    public (AccountState? Account, DateOnly Day, object? Halts, LimitsSettings? Limits) Refreshed { get; set; }
}
