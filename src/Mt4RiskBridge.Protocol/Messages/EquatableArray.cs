using System.Collections.Immutable;

namespace Mt4RiskBridge.Protocol;

/// <summary>Builds <see cref="EquatableArray{T}"/> values; lets collection expressions create them.</summary>
public static class EquatableArray
{
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new([.. items]);
}
