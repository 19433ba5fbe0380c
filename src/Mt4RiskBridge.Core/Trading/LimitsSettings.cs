namespace Mt4RiskBridge.Core;

/// <summary>
/// Account-level trading limits (settings section <c>Limits</c>). Both loss limits are off (0) by default, as in
/// the issue; 20 checks per second per account is the throttle default.
/// </summary>
public sealed record LimitsSettings
{
    /// <summary>Loss from start-of-day equity, in percent, that makes the account reduce-only for the rest of the day; 0 is off.</summary>
    public decimal DailyLossPercent { get; init; }

    /// <summary>Drawdown from peak equity, in percent, that makes the account reduce-only; 0 is off.</summary>
    public decimal MaxDrawdownPercent { get; init; }

    /// <summary>Halts every account by setting.</summary>
    public bool Halted { get; init; }

    /// <summary>Most order checks per account per second; 0 is off.</summary>
    public int MaxChecksPerSecond { get; init; } = 20;

    public static LimitsSettings Default { get; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DailyLossPercent is < 0m or > 100m) errors.Add($"Limits:DailyLossPercent must be between 0 (off) and 100, not {DailyLossPercent}");
        if (MaxDrawdownPercent is < 0m or > 100m) errors.Add($"Limits:MaxDrawdownPercent must be between 0 (off) and 100, not {MaxDrawdownPercent}");
        if (MaxChecksPerSecond < 0) errors.Add($"Limits:MaxChecksPerSecond must be 0 (off) or more, not {MaxChecksPerSecond}");
        return errors;
    }
}
