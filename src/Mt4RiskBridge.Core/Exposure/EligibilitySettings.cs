namespace Mt4RiskBridge.Core;

/// <summary>
/// The broker's conditions for unlimited leverage on MT4 (the host binds them, e.g. from
/// <c>Alerts:UnlimitedLeverage</c>). Defaults from the broker's published conditions: at least 10 closed trades,
/// at least 5 closed lots, equity under 1,000 in the account currency. Pending orders never count.
/// </summary>
public sealed record EligibilitySettings
{
    public int MinClosedTrades { get; init; } = 10;
    public decimal MinClosedLots { get; init; } = 5m;

    /// <summary>Equity must be strictly under this amount.</summary>
    public decimal MaxEquity { get; init; } = 1_000m;

    public static EligibilitySettings Default { get; } = new();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinClosedTrades < 0) errors.Add($"MinClosedTrades must be 0 or more, not {MinClosedTrades}");
        if (MinClosedLots < 0m) errors.Add($"MinClosedLots must be 0 or more, not {MinClosedLots}");
        if (MaxEquity <= 0m) errors.Add($"MaxEquity must be positive, not {MaxEquity}");
        return errors;
    }
}
