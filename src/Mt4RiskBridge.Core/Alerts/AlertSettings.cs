namespace Mt4RiskBridge.Core;

/// <summary>Margin-call proximity warnings (settings section <c>Alerts</c>).</summary>
public sealed record AlertSettings
{
    /// <summary>Multiplier of the broker's margin-call level used when <see cref="MarginLevelWarnPercent"/> is unset: 150% (the default).</summary>
    public const decimal DefaultWarnFactor = 1.5m;

    /// <summary>
    /// Margin level, in percent, under which <c>margin_call_risk</c> is pushed. Null (the default) means 150% of
    /// the broker's margin-call level; in the broker's money mode that is 150% of its margin-call equity.
    /// </summary>
    public decimal? MarginLevelWarnPercent { get; init; }

    /// <summary>Least minutes between two <c>margin_call_risk</c> warnings to one account; default 30, like the weekend warning.</summary>
    public int RepeatMinutes { get; init; } = 30;

    public static AlertSettings Default { get; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MarginLevelWarnPercent is <= 0m) errors.Add($"Alerts:MarginLevelWarnPercent must be positive, not {MarginLevelWarnPercent}");
        if (RepeatMinutes < 0) errors.Add($"Alerts:RepeatMinutes must be 0 or more, not {RepeatMinutes}");
        return errors;
    }
}
