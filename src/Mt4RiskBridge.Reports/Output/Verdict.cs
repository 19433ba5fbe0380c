using System.Globalization;

namespace Mt4RiskBridge.Reports;

/// <summary>The report's first sentence: what leverage the history needs and how it used it.</summary>
public static class Verdict
{
    public static string For(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (summary.PeakEffectiveLeverage is not { } peak)
        {
            parts.Add("leverage need unknown: the history does not start with a balance");
        }
        else
        {
            parts.Add(summary.MinimumLeverage is { } minimum
                ? string.Create(c, $"needs at least 1:{minimum}")
                : "needs more than 1:2000 (margin level fell below 100% even there)");
            var profile = summary.ExperienceProfile switch
            {
                "beginner" => "within the beginner profile (5:1)",
                "intermediate" => "within the intermediate profile (10:1)",
                "experienced" => "within the experienced profile (20:1)",
                _ => "beyond every profile",
            };
            parts.Add(string.Create(c, $"effective leverage peaked at {peak:0.##}:1 — {profile}"));
        }
        parts.Add(summary.AddsToLosers switch
        {
            0 => "no adds to losing positions",
            1 => "1 add to a losing position",
            var n => string.Create(c, $"{n} adds to losing positions"),
        });
        if (summary.LotEscalations > 0)
            parts.Add(string.Create(c, $"{summary.LotEscalations} lot {(summary.LotEscalations == 1 ? "escalation" : "escalations")} after a loss"));
        if (summary.LeverageDependent == true) parts.Add("the outcome depends on leverage (1:25 refuses orders 1:500 accepts)");
        return string.Join("; ", parts);
    }
}
