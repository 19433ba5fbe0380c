namespace Mt4RiskBridge.Core;

/// <summary>
/// A higher-margin window the host found active for the order's symbol (a weekend or news window): new orders
/// are levered no more than <see cref="Cap"/>. <see cref="Code"/> names it in reasons.
/// </summary>
public sealed record LeverageWindow(string Code, Leverage Cap);
