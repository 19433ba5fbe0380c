namespace Mt4RiskBridge.Settings;

/// <summary><c>Enforcement</c>: what happens when a manual order breaks a rule.</summary>
public sealed class EnforcementOptions
{
    public const string Section = "Enforcement";

    public string Mode { get; set; } = "warn";
}
