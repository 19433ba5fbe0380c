namespace Mt4RiskBridge.Core;

/// <summary>
/// Whether the account meets each unlimited-leverage condition, and whether the overall answer differs from the
/// last one reported (<see cref="Changed"/>; true when there was none). The alert is always <c>info</c>.
/// </summary>
public sealed record EligibilityResult(bool Eligible, bool TradesMet, bool LotsMet, bool EquityMet, bool Changed, Alert Alert);
