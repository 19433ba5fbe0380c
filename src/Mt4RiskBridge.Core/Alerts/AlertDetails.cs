using System.Collections.ObjectModel;

namespace Mt4RiskBridge.Core;

/// <summary>Builds an alert's details in insertion order, so they serialise in a stable, readable order.</summary>
internal sealed class AlertDetails
{
    private readonly OrderedDictionary<string, object?> _values = new(StringComparer.Ordinal);

    public AlertDetails Add(string key, object? value)
    {
        _values[key] = value;
        return this;
    }

    /// <summary>A margin level as a number in percent, or null when infinite (no margin in use).</summary>
    public AlertDetails Add(string key, MarginLevel level) => Add(key, level.IsInfinite ? null : Math.Round(level.Percent, 2));

    public AlertDetails Add(string key, Leverage leverage) => Add(key, leverage.ToString());

    public IReadOnlyDictionary<string, object?> Build() => new ReadOnlyDictionary<string, object?>(_values);
}
