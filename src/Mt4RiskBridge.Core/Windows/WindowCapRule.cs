using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The leverage cap a higher-margin window puts on new orders for the symbols it matches: every listed pattern
/// (any, when none) and every listed class (any, when none). Rules are tried in order and the first match wins,
/// so finer patterns (silver, oil, gas) go before their class (metal, energy).
/// </summary>
public sealed record WindowCapRule(Leverage Cap)
{
    public ImmutableArray<SymbolPattern> Patterns { get; init; } = [];
    public ImmutableArray<InstrumentClass> Classes { get; init; } = [];

    /// <summary>Whether the rule caps the weekend window.</summary>
    public bool Weekend { get; init; } = true;

    /// <summary>Whether the rule caps news windows.</summary>
    public bool News { get; init; } = true;

    public bool Matches(SymbolSpec spec) =>
        (Patterns.IsDefaultOrEmpty || Patterns.Any(p => p.Matches(spec.Name)))
        && (Classes.IsDefaultOrEmpty || Classes.Contains(spec.Class));
}
