using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The price gap, in percent, a weekend stress applies against positions on the symbols it matches: every
/// listed pattern (any, when none) and every listed class (any, when none). A null percent exempts them.
/// Rules are tried in order and the first match wins.
/// </summary>
public sealed record StressRule(decimal? Percent)
{
    public ImmutableArray<SymbolPattern> Patterns { get; init; } = [];
    public ImmutableArray<InstrumentClass> Classes { get; init; } = [];

    public bool Matches(SymbolSpec spec) =>
        (Patterns.IsDefaultOrEmpty || Patterns.Any(p => p.Matches(spec.Name)))
        && (Classes.IsDefaultOrEmpty || Classes.Contains(spec.Class));
}
