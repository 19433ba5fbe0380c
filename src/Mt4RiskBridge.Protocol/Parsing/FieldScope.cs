using System.Globalization;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Where an object sits in a message, for naming fields in errors ("positions[3].lots"). Paths are only built
/// when there is an error to report, so a valid frame costs no strings.
/// </summary>
internal readonly struct FieldScope
{
    private readonly string? _prefix;
    private readonly int _index;

    /// <summary>The object at <paramref name="prefix"/>, or element <paramref name="index"/> of the array there.</summary>
    public FieldScope(string prefix, int index = -1)
    {
        _prefix = prefix;
        _index = index;
    }

    public static FieldScope Root => default;

    /// <summary>This object's own path ("positions[3]"), empty at the root.</summary>
    public string Self => _prefix is null ? string.Empty
        : _index < 0 ? _prefix
        : string.Create(CultureInfo.InvariantCulture, $"{_prefix}[{_index}]");

    public string PathOf(string field) => _prefix is null ? field : Self + "." + field;
}
