using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Weekend-gap stress warnings (settings section <c>Weekend</c>). Defaults from the issue: warn from 240 minutes
/// before the close, every 30 minutes; warn when the stressed loss exceeds 10% of equity; gaps of 2% for forex
/// majors, 3% other forex, 30% CHF pairs (the SNB floor removal, Jan 2015), 10% GBP pairs (the flash crash,
/// Oct 2016), 5% gold and indices; crypto exempt. <see cref="OtherPercent"/> (5%) is this project's choice for
/// anything else (energies, stocks, other metals).
/// </summary>
public sealed record WeekendSettings
{
    public int WarnBeforeCloseMinutes { get; init; } = 240;
    public int RepeatMinutes { get; init; } = 30;

    /// <summary>Largest stressed loss, in percent of equity, before a warning.</summary>
    public decimal MaxLossPercent { get; init; } = 10m;

    /// <summary>Minutes before the close in which new positions are refused (<c>weekend_block</c>); 0 is off.</summary>
    public int BlockNewPositionsMinutes { get; init; }

    public ImmutableArray<StressRule> StressSizes { get; init; } = DefaultStressSizes;

    /// <summary>The gap for symbols no rule matches, in percent.</summary>
    public decimal OtherPercent { get; init; } = 5m;

    private static readonly ImmutableArray<InstrumentClass> ForexClasses =
        [InstrumentClass.ForexMajor, InstrumentClass.ForexMinor, InstrumentClass.ForexExotic];

    public static ImmutableArray<StressRule> DefaultStressSizes { get; } =
    [
        new(null) { Classes = [InstrumentClass.Crypto] },
        new(30m) { Patterns = [new SymbolPattern("*CHF*")], Classes = ForexClasses },
        new(10m) { Patterns = [new SymbolPattern("*GBP*")], Classes = ForexClasses },
        new(2m) { Classes = [InstrumentClass.ForexMajor] },
        new(3m) { Classes = [InstrumentClass.ForexMinor, InstrumentClass.ForexExotic] },
        new(5m) { Classes = [InstrumentClass.Metal] },
        new(5m) { Classes = [InstrumentClass.Index] },
    ];

    public static WeekendSettings Default { get; } = new();

    /// <summary>The gap for a symbol in percent, or null when it is exempt.</summary>
    public decimal? GapPercentFor(SymbolSpec spec)
    {
        foreach (var rule in StressSizes)
        {
            if (rule.Matches(spec)) return rule.Percent;
        }
        return OtherPercent;
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WarnBeforeCloseMinutes < 0) errors.Add($"Weekend:WarnBeforeCloseMinutes must be 0 or more, not {WarnBeforeCloseMinutes}");
        if (RepeatMinutes < 0) errors.Add($"Weekend:RepeatMinutes must be 0 or more, not {RepeatMinutes}");
        if (MaxLossPercent is <= 0m or > 100m) errors.Add($"Weekend:MaxLossPercent must be above 0 and at most 100, not {MaxLossPercent}");
        if (BlockNewPositionsMinutes < 0) errors.Add($"Weekend:BlockNewPositionsMinutes must be 0 (off) or more, not {BlockNewPositionsMinutes}");
        if (OtherPercent is < 0m or > 100m) errors.Add($"Weekend:OtherPercent must be between 0 and 100, not {OtherPercent}");
        for (var i = 0; i < StressSizes.Length; i++)
        {
            if (StressSizes[i].Percent is < 0m or > 100m)
                errors.Add($"Weekend:StressSizes:{i}:Percent must be between 0 and 100, not {StressSizes[i].Percent}");
        }
        return errors;
    }
}
