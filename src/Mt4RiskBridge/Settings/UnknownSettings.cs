using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Mt4RiskBridge.Settings;

/// <summary>
/// Finds keys in the service's own sections that no options class has — a misspelled key would otherwise be
/// silently ignored and its limit left at the default. The known keys are read from the options classes.
/// </summary>
public static class UnknownSettings
{
    public static IReadOnlyList<string> Find(IConfiguration configuration, IReadOnlyList<SettingsSection> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var problems = new List<string>();
        var names = sections.Select(s => s.Name).ToList();
        foreach (var top in configuration.GetChildren())
        {
            var section = sections.FirstOrDefault(s => string.Equals(s.Name, top.Key, StringComparison.OrdinalIgnoreCase));
            if (section is not null)
            {
                CheckObject(top, section.OptionsType, problems);
                continue;
            }
            // Other top-level keys (Serilog, environment variables) are not ours, but a near miss of one of our
            // section names is a typo whose limits would silently not apply.
            if (top.GetChildren().Any() && Nearest(top.Key, names) is { } meant)
                problems.Add($"{top.Path} is not a known settings section; did you mean {meant}?");
        }
        return problems;
    }

    private static void CheckObject(IConfigurationSection section, Type type, List<string> problems)
    {
        var properties = Properties(type);
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var meant = Nearest(child.Key, properties.Select(p => p.Name).ToList());
                problems.Add(meant is null
                    ? $"{child.Path} is not a known setting; {section.Path} has {string.Join(", ", properties.Select(p => p.Name))}"
                    : $"{child.Path} is not a known setting; did you mean {section.Path}:{meant}?");
                continue;
            }
            CheckValue(child, property.PropertyType, problems);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> problems)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(inner))
        {
            foreach (var child in section.GetChildren())
                problems.Add($"{child.Path} is not a known setting; {section.Path} takes a single value");
            return;
        }
        if (DictionaryValueType(inner) is { } valueType)
        {
            foreach (var child in section.GetChildren()) CheckValue(child, valueType, problems);
            return;
        }
        if (ListItemType(inner) is { } itemType)
        {
            foreach (var child in section.GetChildren())
            {
                if (int.TryParse(child.Key, out _)) CheckValue(child, itemType, problems);
                else problems.Add($"{child.Path} is not a known setting; {section.Path} is a list (keys 0, 1, 2, ...)");
            }
            return;
        }
        CheckObject(section, inner, problems);
    }

    /// <summary>Properties the binder fills: settable ones, and read-only collections or objects it fills in place.</summary>
    private static List<PropertyInfo> Properties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || !IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)))];

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Uri);

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ListItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!typeof(IEnumerable).IsAssignableFrom(type)) return null;
        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The candidate within a couple of edits of <paramref name="key"/> (case aside), if there is one.</summary>
    internal static string? Nearest(string key, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(2, key.Length / 4);
        return bestDistance <= allowed && bestDistance > 0 ? best : null;
    }

    /// <summary>Edit distance counting an adjacent swap as one edit (the common typo).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
