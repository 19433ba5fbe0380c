namespace Mt4RiskBridge.Core;

/// <summary>
/// The effective-leverage ceiling of each experience profile: 5:1 beginner, 10:1 intermediate, 20:1 experienced.
/// The one table both the decision and the history report read.
/// </summary>
public static class ExperienceProfiles
{
    public const decimal Beginner = 5m, Intermediate = 10m, Experienced = 20m;

    /// <summary>The profile's ceiling; 0 (no cap) for <see cref="ExperienceProfile.None"/>.</summary>
    public static decimal MaxEffectiveLeverage(ExperienceProfile profile) => profile switch
    {
        ExperienceProfile.Beginner => Beginner,
        ExperienceProfile.Intermediate => Intermediate,
        ExperienceProfile.Experienced => Experienced,
        _ => 0m,
    };

    /// <summary>The profile's name as settings and reasons write it: none, beginner, intermediate, experienced.</summary>
    public static string Name(ExperienceProfile profile) => profile.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out ExperienceProfile profile)
    {
        profile = ExperienceProfile.None;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "none": return true;
            case "beginner": profile = ExperienceProfile.Beginner; return true;
            case "intermediate": profile = ExperienceProfile.Intermediate; return true;
            case "experienced": profile = ExperienceProfile.Experienced; return true;
            default: return false;
        }
    }

    /// <summary>The least experienced profile a peak effective leverage fits in, or "beyond" past every ceiling.</summary>
    public static string Fitting(decimal peakEffectiveLeverage) => peakEffectiveLeverage switch
    {
        <= Beginner => "beginner",
        <= Intermediate => "intermediate",
        <= Experienced => "experienced",
        _ => "beyond",
    };
}
