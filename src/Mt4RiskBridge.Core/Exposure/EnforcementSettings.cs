namespace Mt4RiskBridge.Core;

/// <summary>Post-trade enforcement of manual orders (settings section <c>Enforcement</c>); default mode <see cref="EnforcementMode.Warn"/>.</summary>
public sealed record EnforcementSettings
{
    public EnforcementMode Mode { get; init; } = EnforcementMode.Warn;

    public static EnforcementSettings Default { get; } = new();
}
