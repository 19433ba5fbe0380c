namespace Mt4RiskBridge.Reports;

/// <summary>What one pass over the opens and closes of a history found.</summary>
internal sealed record SweepResult(
    int MaxConcurrent, int MaxStacked, int AddsToLosers, int EvaluatedOpens, decimal PeakEffectiveLeverage,
    Dictionary<string, LeverageFigure> Figures, IReadOnlyList<OpenPoint> Opens);
