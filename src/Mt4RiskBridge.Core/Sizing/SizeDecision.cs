namespace Mt4RiskBridge.Core;

/// <summary>
/// The answer to "how many lots may I trade with this stop?": <see cref="Lots"/> is the largest size whose loss at
/// the stop is within the risk share of equity and which every rule allows (0 when none is). <see cref="RiskLots"/>
/// is what the risk share alone allows, rounded down to the lot step; <see cref="LossPerLot"/> and
/// <see cref="Budget"/> are the account-currency figures it came from (0 when the symbol or quote was not usable).
/// <see cref="Decision"/> is the one decision at that size, with every rule that bound.
/// </summary>
public sealed record SizeDecision(decimal Lots, decimal RiskLots, decimal LossPerLot, decimal Budget, Decision Decision);
