namespace Mt4RiskBridge.Core;

/// <summary>A trader's experience, which caps effective leverage (total notional ÷ equity); <see cref="None"/> sets no cap.</summary>
public enum ExperienceProfile
{
    None,
    Beginner,
    Intermediate,
    Experienced,
}
