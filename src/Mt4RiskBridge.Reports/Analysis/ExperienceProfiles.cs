namespace Mt4RiskBridge.Reports;

/// <summary>Effective-leverage ceilings of the experience profiles: 5:1 beginner, 10:1 intermediate, 20:1 experienced.</summary>
public static class ExperienceProfiles
{
    public const decimal Beginner = 5m, Intermediate = 10m, Experienced = 20m;

    public static string For(decimal peakEffectiveLeverage) => peakEffectiveLeverage switch
    {
        <= Beginner => "beginner",
        <= Intermediate => "intermediate",
        <= Experienced => "experienced",
        _ => "beyond",
    };
}
