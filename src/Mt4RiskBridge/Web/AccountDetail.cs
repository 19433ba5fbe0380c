using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Web;

/// <summary>Everything the account page shows: the row, positions priced at two tiers, the session's history, decisions and warnings.</summary>
public sealed record AccountDetail(
    AccountRow Account,
    IReadOnlyList<PositionRow> Positions,
    IReadOnlyList<decimal> TierBoundaries,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<WarningRecord> Warnings);
