namespace Mt4RiskBridge.Core;

/// <summary>
/// How an instrument class may be levered: a fixed cap (unlimited for none), and whether it may use the
/// broker's unlimited tier at all. A class that may not use unlimited must have a cap.
/// </summary>
public sealed record ClassLeverage(Leverage Cap, bool UnlimitedEligible);
