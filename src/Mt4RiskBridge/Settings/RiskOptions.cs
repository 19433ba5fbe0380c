namespace Mt4RiskBridge.Settings;

/// <summary>
/// The <c>Risk</c> section of the settings, as bound from configuration. Key names are a public contract
/// (docs/configuration.md); <see cref="RiskPolicyMapper"/> turns them into the engine's validated policy.
/// </summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    public decimal MarginLevelFloorPercent { get; set; } = 200m;

    /// <summary>Equity tiers; null keeps the built-in table.</summary>
    public List<LeverageTierOptions>? LeverageTiers { get; set; }

    /// <summary>The currency the tier boundaries are written in (three letters).</summary>
    public string TierCurrency { get; set; } = "USD";

    /// <summary><c>AllPositions</c> or <c>NewPositions</c>.</summary>
    public string TierAppliesTo { get; set; } = "AllPositions";

    public LotCapsOptions LotCaps { get; set; } = new();

    public decimal RiskPerTradePercent { get; set; }

    public bool RequireStopLoss { get; set; }

    public decimal MaxEffectiveLeverage { get; set; }

    /// <summary><c>none</c>, <c>beginner</c> (5x), <c>intermediate</c> (10x) or <c>experienced</c> (20x): a second effective-leverage cap.</summary>
    public string ExperienceProfile { get; set; } = "none";

    /// <summary><c>none</c>, <c>esma</c>, <c>asic</c>, <c>nfa</c> or <c>fsa-japan</c>.</summary>
    public string RegulatoryPreset { get; set; } = "none";

    /// <summary>Per instrument class (ForexMajor, Metal, Crypto, ...): extra symbol patterns and the leverage cap.</summary>
    public Dictionary<string, ClassOptions> Classes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
