using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The limits a decision is judged by, already validated. The host builds one from settings and swaps it whole
/// when they change.
/// </summary>
public sealed record RiskPolicy
{
    /// <summary>Margin level, in percent, that an order may not push the account below.</summary>
    public decimal MarginLevelFloorPercent { get; init; } = 200m;

    public LeverageTierTable Tiers { get; init; } = LeverageTierTable.Default;

    /// <summary>The currency the tier boundaries are written in; an account in another currency is placed by its equity converted at the mid.</summary>
    public string TierCurrency { get; init; } = "USD";
    public TierAppliesTo TierAppliesTo { get; init; } = TierAppliesTo.AllPositions;
    public LotCapTable LotCaps { get; init; } = LotCapTable.Off;

    /// <summary>Largest loss at the stop, in percent of equity; 0 is off.</summary>
    public decimal RiskPerTradePercent { get; init; }

    public bool RequireStopLoss { get; init; }

    /// <summary>Largest total notional ÷ equity; 0 is off.</summary>
    public decimal MaxEffectiveLeverage { get; init; }

    /// <summary>Caps effective leverage at the profile's ceiling (5, 10 or 20) as well; the lower of the two limits applies.</summary>
    public ExperienceProfile ExperienceProfile { get; init; } = ExperienceProfile.None;

    public RegulatoryPreset RegulatoryPreset { get; init; } = RegulatoryPreset.None;

    public ImmutableDictionary<InstrumentClass, ClassLeverage> ClassLeverage { get; init; } = DefaultClassLeverage;

    public InstrumentClassifier Classifier { get; init; } = InstrumentClassifier.Default;

    /// <summary>
    /// Forex and metals may use unlimited; energies 1:200, indices 1:400, stocks 1:20 and crypto 1:400, after a
    /// large retail broker's published limits.
    /// </summary>
    public static ImmutableDictionary<InstrumentClass, ClassLeverage> DefaultClassLeverage { get; } =
        new Dictionary<InstrumentClass, ClassLeverage>
        {
            [InstrumentClass.ForexMajor] = new(Leverage.Unlimited, true),
            [InstrumentClass.ForexMinor] = new(Leverage.Unlimited, true),
            [InstrumentClass.ForexExotic] = new(Leverage.Unlimited, true),
            [InstrumentClass.Metal] = new(Leverage.Unlimited, true),
            [InstrumentClass.Energy] = new(Leverage.Of(200), false),
            [InstrumentClass.Index] = new(Leverage.Of(400), false),
            [InstrumentClass.Stock] = new(Leverage.Of(20), false),
            [InstrumentClass.Crypto] = new(Leverage.Of(400), false),
        }.ToImmutableDictionary();

    public static RiskPolicy Default { get; } = new();

    public ClassLeverage LeverageFor(InstrumentClass instrumentClass) =>
        ClassLeverage.TryGetValue(instrumentClass, out var value) ? value : new ClassLeverage(Leverage.Of(1), false);

    /// <summary>Every inconsistency in the policy, empty when it can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TierCurrency.Length != 3 || !TierCurrency.All(char.IsAsciiLetterUpper)) errors.Add($"TierCurrency must be a three-letter upper-case currency code, not \"{TierCurrency}\"");
        if (MarginLevelFloorPercent < 0m) errors.Add($"MarginLevelFloorPercent must be 0 or more, not {MarginLevelFloorPercent}");
        if (RiskPerTradePercent is < 0m or > 100m) errors.Add($"RiskPerTradePercent must be between 0 and 100, not {RiskPerTradePercent}");
        if (MaxEffectiveLeverage < 0m) errors.Add($"MaxEffectiveLeverage must be 0 (off) or more, not {MaxEffectiveLeverage}");
        if (!Enum.IsDefined(ExperienceProfile)) errors.Add($"ExperienceProfile must be none, beginner, intermediate or experienced, not {ExperienceProfile}");
        foreach (var instrumentClass in Enum.GetValues<InstrumentClass>())
        {
            var leverage = LeverageFor(instrumentClass);
            if (!leverage.UnlimitedEligible && leverage.Cap.IsUnlimited)
                errors.Add($"class {instrumentClass} may not use unlimited leverage, so it needs a MaxLeverage");
        }
        return errors;
    }
}
