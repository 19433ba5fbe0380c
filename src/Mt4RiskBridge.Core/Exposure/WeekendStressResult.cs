using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The account after a weekend gap against every position: equity and margin level after (margin unchanged),
/// the loss limit it was judged by, each breached limit, and the lots to close (largest losers first, rounded up
/// to the lot step) to get back inside every limit. <see cref="Alert"/> is null when no limit is breached.
/// </summary>
public sealed record WeekendStressResult(
    decimal Equity,
    decimal Margin,
    decimal Loss,
    decimal EquityAfter,
    MarginLevel MarginLevelAfter,
    decimal MaxLoss,
    ImmutableArray<StressBreach> Breaches,
    ImmutableArray<PositionStress> Positions,
    decimal LotsToClose,
    bool ClosingRestoresLimits,
    Alert? Alert)
{
    public bool IsBreached => !Breaches.IsEmpty;

    public AlertSeverity Severity => Alert?.Severity ?? AlertSeverity.Info;
}
