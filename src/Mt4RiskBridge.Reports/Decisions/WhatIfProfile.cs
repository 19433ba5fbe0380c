using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// The policy a decisions log is judged again under (<c>--what-if</c>): a regulatory preset (esma, asic, nfa,
/// fsa-japan), a flat leverage (1:25: one tier for every equity) or an experience profile (beginner, intermediate,
/// experienced), each laid over the policy the checks were first judged by.
/// </summary>
public sealed record WhatIfProfile(string Name, Func<RiskPolicy, RiskPolicy> Apply)
{
    public const string Choices = "esma, asic, nfa, fsa-japan, 1:N (a flat leverage such as 1:25), beginner, intermediate or experienced";

    public static bool TryParse(string? text, out WhatIfProfile? profile)
    {
        profile = null;
        var name = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || name == "none") return false;
        if (RegulatoryPresets.TryParse(name, out var preset))
        {
            profile = new WhatIfProfile(name, p => p with { RegulatoryPreset = preset });
        }
        else if (ExperienceProfiles.TryParse(name, out var experience))
        {
            profile = new WhatIfProfile(name, p => p with { ExperienceProfile = experience });
        }
        else if (name.StartsWith("1:", StringComparison.Ordinal) && Leverage.TryParse(name, out var flat) && !flat.IsUnlimited
                 && LeverageTierTable.TryCreate([new LeverageTier(0m, flat)], out var table, out _))
        {
            profile = new WhatIfProfile(flat.ToString(), p => p with { Tiers = table! });
        }
        return profile is not null;
    }
}
