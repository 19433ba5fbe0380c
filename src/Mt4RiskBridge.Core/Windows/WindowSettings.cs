using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Higher-margin windows (settings section <c>Windows</c>). Defaults from the issue: weekend window from 180
/// minutes before the weekly close to 60 after the open; news window from 15 minutes before a high-impact event
/// to 5 after it; caps from a broker's published practice: forex 1:200, gold 1:200, silver 1:100, oil 1:20,
/// natural gas 1:5; crypto exempt from the weekend window. Other metals are capped as gold and other energies
/// as oil; indices, stocks and crypto have no window cap unless one is configured.
/// </summary>
public sealed record WindowSettings
{
    public int WeekendBeforeCloseMinutes { get; init; } = 180;
    public int WeekendAfterOpenMinutes { get; init; } = 60;
    public int NewsBeforeMinutes { get; init; } = 15;
    public int NewsAfterMinutes { get; init; } = 5;

    /// <summary>The least impact an event needs to open a news window.</summary>
    public NewsImpact NewsMinImpact { get; init; } = NewsImpact.High;

    /// <summary>Classes the weekend window never applies to, whatever the caps say.</summary>
    public ImmutableArray<InstrumentClass> WeekendExemptClasses { get; init; } = [InstrumentClass.Crypto];

    /// <summary>Caps tried in order, first match wins; a symbol no rule matches has no window cap.</summary>
    public ImmutableArray<WindowCapRule> Caps { get; init; } = DefaultCaps;

    public static ImmutableArray<WindowCapRule> DefaultCaps { get; } =
    [
        new(Leverage.Of(100)) { Patterns = Globs("XAG*", "SILVER*") },
        new(Leverage.Of(5)) { Patterns = Globs("XNG*", "NGAS*", "*NATGAS*") },
        new(Leverage.Of(20)) { Patterns = Globs("XTI*", "XBR*", "USOIL*", "UKOIL*", "*OIL*", "BRENT*", "WTI*") },
        new(Leverage.Of(200)) { Patterns = Globs("XAU*", "GOLD*") },
        new(Leverage.Of(200)) { Classes = [InstrumentClass.Metal] },
        new(Leverage.Of(20)) { Classes = [InstrumentClass.Energy] },
        new(Leverage.Of(200)) { Classes = [InstrumentClass.ForexMajor, InstrumentClass.ForexMinor, InstrumentClass.ForexExotic] },
    ];

    public static WindowSettings Default { get; } = new();

    public TimeSpan WeekendBeforeClose => TimeSpan.FromMinutes(WeekendBeforeCloseMinutes);
    public TimeSpan WeekendAfterOpen => TimeSpan.FromMinutes(WeekendAfterOpenMinutes);
    public TimeSpan NewsBefore => TimeSpan.FromMinutes(NewsBeforeMinutes);
    public TimeSpan NewsAfter => TimeSpan.FromMinutes(NewsAfterMinutes);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (WeekendBeforeCloseMinutes < 0) errors.Add($"Windows:WeekendBeforeCloseMinutes must be 0 or more, not {WeekendBeforeCloseMinutes}");
        if (WeekendAfterOpenMinutes < 0) errors.Add($"Windows:WeekendAfterOpenMinutes must be 0 or more, not {WeekendAfterOpenMinutes}");
        if (NewsBeforeMinutes < 0) errors.Add($"Windows:NewsBeforeMinutes must be 0 or more, not {NewsBeforeMinutes}");
        if (NewsAfterMinutes < 0) errors.Add($"Windows:NewsAfterMinutes must be 0 or more, not {NewsAfterMinutes}");
        return errors;
    }

    private static ImmutableArray<SymbolPattern> Globs(params string[] globs) => [.. globs.Select(g => new SymbolPattern(g))];
}
