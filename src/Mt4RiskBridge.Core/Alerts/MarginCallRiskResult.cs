namespace Mt4RiskBridge.Core;

/// <summary>
/// Whether the margin level is under the warning threshold, and whether to push now given the last time it was
/// sent. <see cref="Alert"/> is set whenever the level is under the threshold; the host sends it when <see cref="ShouldSend"/>.
/// </summary>
public sealed record MarginCallRiskResult(bool IsAtRisk, bool ShouldSend, MarginLevel MarginLevel, decimal ThresholdPercent, Alert? Alert);
