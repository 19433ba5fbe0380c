namespace Mt4RiskBridge.Reports;

/// <summary>
/// The figures of docs/report.md for one history, money in <see cref="AccountCurrency"/>. Figures that need
/// the balance at each open are null when the history does not start with a balance row.
/// </summary>
public sealed record ReportSummary
{
    public required string File { get; init; }
    public required HistoryKind Kind { get; init; }
    public string? Account { get; init; }
    public required string AccountCurrency { get; init; }
    public required bool CurrencyAssumed { get; init; }
    public decimal? AccountLeverage { get; init; }

    public required int Trades { get; init; }
    public required decimal Lots { get; init; }
    public required decimal NetProfit { get; init; }
    public required decimal Deposits { get; init; }
    public required decimal Withdrawals { get; init; }
    public required int MaxConcurrentPositions { get; init; }
    public required decimal StopLossShare { get; init; }
    public decimal? MaxRiskPercent { get; init; }
    public decimal? MedianRiskPercent { get; init; }
    public decimal? PeakEffectiveLeverage { get; init; }
    public string? ExperienceProfile { get; init; }
    public required IReadOnlyList<LeverageFigure> Leverages { get; init; }
    public int? MinimumLeverage { get; init; }
    public bool? LeverageDependent { get; init; }
    public required int AddsToLosers { get; init; }
    public required int LotEscalations { get; init; }
    public required int MaxStackedPositions { get; init; }
    public required int HeldOverWeekend { get; init; }
    public required decimal HeldOverWeekendMaxLots { get; init; }
    public required bool UnlimitedEligible { get; init; }
    public required IReadOnlyList<string> ExcludedSymbols { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<UnusedRows> Unused { get; init; }

    public required IReadOnlyList<BalancePoint> BalanceCurve { get; init; }
    public required IReadOnlyList<OpenPoint> Opens { get; init; }
    public required IReadOnlyList<LotsPoint> LotsPerTrade { get; init; }
}
