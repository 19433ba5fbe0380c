using System.Collections.Immutable;
using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Turns bound <see cref="RiskOptions"/> into a <see cref="RiskPolicy"/>, collecting every problem with its full
/// key so one start-up failure lists them all.
/// </summary>
public static class RiskPolicyMapper
{
    private const string P = RiskOptions.Section + ":";

    /// <summary>Every problem with the section, with its full key; empty when it maps.</summary>
    public static IReadOnlyList<string> Check(RiskOptions options)
    {
        TryMap(options, out _, out var errors);
        return errors;
    }

    public static bool TryMap(RiskOptions options, out RiskPolicy? policy, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();

        var floor = NonNegative(options.MarginLevelFloorPercent, "MarginLevelFloorPercent", problems);
        var tiers = MapTiers(options.LeverageTiers, problems);
        var appliesTo = MapTierAppliesTo(options.TierAppliesTo, problems);
        var lotCaps = MapLotCaps(options.LotCaps, problems);
        if (options.RiskPerTradePercent is < 0m or > 100m)
            problems.Add(Invariant($"{P}RiskPerTradePercent must be between 0 (off) and 100, not {options.RiskPerTradePercent}"));
        var maxEffective = NonNegative(options.MaxEffectiveLeverage, "MaxEffectiveLeverage", problems);
        var preset = MapPreset(options.RegulatoryPreset, problems);
        if (!ExperienceProfiles.TryParse(options.ExperienceProfile, out var profile))
            problems.Add($"{P}ExperienceProfile must be none, beginner, intermediate or experienced, not \"{options.ExperienceProfile}\"");
        var (classLeverage, classifier) = MapClasses(options.Classes, problems);

        if (problems.Count == 0)
        {
            var candidate = new RiskPolicy
            {
                MarginLevelFloorPercent = floor,
                Tiers = tiers!,
                TierCurrency = (options.TierCurrency ?? "").Trim().ToUpperInvariant(),
                TierAppliesTo = appliesTo,
                LotCaps = lotCaps,
                RiskPerTradePercent = options.RiskPerTradePercent,
                RequireStopLoss = options.RequireStopLoss,
                MaxEffectiveLeverage = maxEffective,
                RegulatoryPreset = preset,
                ExperienceProfile = profile,
                ClassLeverage = classLeverage,
                Classifier = classifier,
            };
            problems.AddRange(candidate.Validate().Select(e => P + e));
            policy = problems.Count == 0 ? candidate : null;
        }
        else
        {
            policy = null;
        }
        errors = problems;
        return policy is not null;
    }

    private static decimal NonNegative(decimal value, string key, List<string> problems)
    {
        if (value < 0m) problems.Add(Invariant($"{P}{key} must be 0 or more, not {value}"));
        return value;
    }

    private static LeverageTierTable? MapTiers(List<LeverageTierOptions>? rows, List<string> problems)
    {
        if (rows is null) return LeverageTierTable.Default;
        var tiers = new List<LeverageTier>();
        var rowsValid = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.MinEquity < 0m)
            {
                problems.Add(Invariant($"{P}LeverageTiers:{i}:MinEquity must be 0 or more, not {row.MinEquity}"));
                rowsValid = false;
            }
            if (!Leverage.TryParse(row.Leverage, out var leverage))
            {
                problems.Add($"{P}LeverageTiers:{i}:Leverage must be a positive ratio (2000 or 1:2000) or \"unlimited\", not \"{row.Leverage}\"");
                rowsValid = false;
                continue;
            }
            tiers.Add(new LeverageTier(row.MinEquity, leverage));
        }
        if (!rowsValid) return null;
        if (LeverageTierTable.TryCreate(tiers, out var table, out var tableErrors)) return table;
        problems.AddRange(tableErrors.Select(e => $"{P}LeverageTiers: {e}"));
        return null;
    }

    private static TierAppliesTo MapTierAppliesTo(string? text, List<string> problems)
    {
        if (Enum.TryParse<TierAppliesTo>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
            return value;
        problems.Add($"{P}TierAppliesTo must be AllPositions or NewPositions, not \"{text}\"");
        return default;
    }

    private static RegulatoryPreset MapPreset(string? text, List<string> problems)
    {
        if (RegulatoryPresets.TryParse(text, out var preset)) return preset;
        problems.Add($"{P}RegulatoryPreset must be {RegulatoryPresets.Names}, not \"{text}\"");
        return RegulatoryPreset.None;
    }

    private static LotCapTable MapLotCaps(LotCapsOptions options, List<string> problems)
    {
        var global = MapCaps(options, "LotCaps", problems);
        // Unset global caps are off.
        global = global.Over(LotCaps.Off);

        var symbols = ImmutableDictionary.CreateBuilder<string, LotCaps>(StringComparer.OrdinalIgnoreCase);
        foreach (var (symbol, values) in options.Symbols)
            symbols[symbol] = MapCaps(values, $"LotCaps:Symbols:{symbol}", problems);

        var classes = ImmutableDictionary.CreateBuilder<InstrumentClass, LotCaps>();
        foreach (var (name, values) in options.Classes)
        {
            if (TryParseClass(name, $"LotCaps:Classes:{name}", problems, out var instrumentClass))
                classes[instrumentClass] = MapCaps(values, $"LotCaps:Classes:{name}", problems);
        }
        return new LotCapTable(global, symbols.ToImmutable(), classes.ToImmutable());
    }

    private static LotCaps MapCaps(LotCapValues values, string key, List<string> problems)
    {
        void Check(decimal? value, string name)
        {
            if (value < 0m) problems.Add(Invariant($"{P}{key}:{name} must be 0 (off) or more, not {value}"));
        }
        Check(values.MaxLotsPerOrder, "MaxLotsPerOrder");
        Check(values.MaxLotsPerSymbol, "MaxLotsPerSymbol");
        Check(values.MaxLotsTotal, "MaxLotsTotal");
        if (values.MaxOpenPositions < 0) problems.Add(Invariant($"{P}{key}:MaxOpenPositions must be 0 (off) or more, not {values.MaxOpenPositions}"));
        return new LotCaps(values.MaxLotsPerOrder, values.MaxLotsPerSymbol, values.MaxLotsTotal, values.MaxOpenPositions);
    }

    private static (ImmutableDictionary<InstrumentClass, ClassLeverage>, InstrumentClassifier) MapClasses(
        Dictionary<string, ClassOptions> classes, List<string> problems)
    {
        var leverage = RiskPolicy.DefaultClassLeverage.ToBuilder();
        var patterns = new List<(SymbolPattern, InstrumentClass)>();
        foreach (var (name, options) in classes)
        {
            if (!TryParseClass(name, $"Classes:{name}", problems, out var instrumentClass)) continue;
            var current = leverage[instrumentClass];
            var cap = current.Cap;
            if (options.MaxLeverage is not null && !Leverage.TryParse(options.MaxLeverage, out cap))
                problems.Add($"{P}Classes:{name}:MaxLeverage must be a positive ratio (400 or 1:400) or \"unlimited\", not \"{options.MaxLeverage}\"");
            var eligible = options.UnlimitedEligible ?? current.UnlimitedEligible;
            if (cap.IsUnlimited && !eligible)
                problems.Add($"{P}Classes:{name}:MaxLeverage must be a fixed ratio, because the class may not use unlimited leverage (UnlimitedEligible is false)");
            leverage[instrumentClass] = new ClassLeverage(cap, eligible);
            for (var i = 0; i < options.Patterns.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(options.Patterns[i]))
                    problems.Add($"{P}Classes:{name}:Patterns:{i} must not be empty");
                else
                    patterns.Add((new SymbolPattern(options.Patterns[i].Trim()), instrumentClass));
            }
        }
        var classifier = patterns.Count == 0
            ? InstrumentClassifier.Default
            : new InstrumentClassifier(patterns.Concat(InstrumentClassifier.DefaultPatterns()));
        return (leverage.ToImmutable(), classifier);
    }

    private static bool TryParseClass(string name, string key, List<string> problems, out InstrumentClass instrumentClass)
    {
        if (Enum.TryParse(name, ignoreCase: true, out instrumentClass) && !int.TryParse(name, out _) && Enum.IsDefined(instrumentClass))
            return true;
        problems.Add($"{P}{key}: unknown instrument class; use one of {string.Join(", ", Enum.GetNames<InstrumentClass>())}");
        return false;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
