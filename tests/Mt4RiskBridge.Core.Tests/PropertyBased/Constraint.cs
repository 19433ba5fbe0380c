namespace Mt4RiskBridge.Core.Tests;

/// <summary>One rule, evaluated by the oracle at some lot size, in the form <see cref="Used"/> ≤ <see cref="Allowed"/>.</summary>
internal readonly record struct Constraint(string Code, decimal Used, decimal Allowed)
{
    // Decimal division keeps 28 digits; both the engine and the oracle round there, so a rule that is met or
    // broken by less than this relative margin is "at its bound" and neither outcome is a finding.
    private const decimal Tolerance = 1e-18m;

    private decimal Slack => Tolerance * Math.Max(1m, Math.Max(Math.Abs(Used), Math.Abs(Allowed)));

    public bool Holds => Used <= Allowed + Slack;

    /// <summary>Broken, or so close to its bound that rounding decides it.</summary>
    public bool BrokenOrAtBound => Used > Allowed - Slack;

    public override string ToString() => $"{Code}: {Used} ≤ {Allowed}";
}
