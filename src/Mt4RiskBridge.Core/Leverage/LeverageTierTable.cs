using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The broker's equity-dependent leverage schedule. A tier holds from its minimum equity inclusive up to the
/// next tier's minimum exclusive, so exactly 1,000.00 is in the tier that starts at 1,000.
/// </summary>
public sealed class LeverageTierTable
{
    private LeverageTierTable(ImmutableArray<LeverageTier> tiers) => Tiers = tiers;

    /// <summary>Tiers in ascending order of minimum equity; the first starts at zero.</summary>
    public ImmutableArray<LeverageTier> Tiers { get; }

    /// <summary>
    /// The default table: below 1,000 unlimited; 1,000 → 1:2000; 5,000 → 1:1000; 15,000 → 1:600;
    /// 30,000 → 1:400; 60,000 and above → 1:200.
    /// </summary>
    public static LeverageTierTable Default { get; } = new([
        new(0m, Leverage.Unlimited),
        new(1_000m, Leverage.Of(2000)),
        new(5_000m, Leverage.Of(1000)),
        new(15_000m, Leverage.Of(600)),
        new(30_000m, Leverage.Of(400)),
        new(60_000m, Leverage.Of(200)),
    ]);

    /// <summary>Builds a table, listing every problem rather than the first.</summary>
    public static bool TryCreate(IEnumerable<LeverageTier> tiers, out LeverageTierTable? table, out IReadOnlyList<string> errors)
    {
        var sorted = tiers.OrderBy(t => t.MinEquity).ToImmutableArray();
        var problems = new List<string>();
        if (sorted.IsEmpty) problems.Add("at least one tier is required");
        else if (sorted[0].MinEquity != 0m) problems.Add($"the lowest tier must start at MinEquity 0, not {sorted[0].MinEquity}");
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].MinEquity == sorted[i - 1].MinEquity)
                problems.Add($"two tiers start at MinEquity {sorted[i].MinEquity}");
        }
        errors = problems;
        table = problems.Count == 0 ? new LeverageTierTable(sorted) : null;
        return table is not null;
    }

    /// <summary>The tier in force at an equity; negative equity falls in the lowest tier.</summary>
    public LeverageTier TierFor(decimal equity)
    {
        var tiers = Tiers;
        for (var i = tiers.Length - 1; i > 0; i--)
        {
            if (equity >= tiers[i].MinEquity) return tiers[i];
        }
        return tiers[0];
    }

    /// <summary>Index of the first tier whose minimum equity is above <paramref name="equity"/>, or the count.</summary>
    public int FirstTierAbove(decimal equity)
    {
        var tiers = Tiers;
        for (var i = 0; i < tiers.Length; i++)
        {
            if (tiers[i].MinEquity > equity) return i;
        }
        return tiers.Length;
    }
}
