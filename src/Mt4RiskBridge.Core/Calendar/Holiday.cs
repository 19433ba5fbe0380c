using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// A server-time day the market is closed, from 00:00 to the next 00:00, for the listed classes or, when
/// <see cref="Classes"/> is empty, for every class.
/// </summary>
public sealed record Holiday(DateOnly Date, string Name = "")
{
    public ImmutableArray<InstrumentClass> Classes { get; init; } = [];

    public bool AppliesTo(InstrumentClass instrumentClass) => Classes.IsDefaultOrEmpty || Classes.Contains(instrumentClass);

    internal MarketClosure Closure => new(Date.ToDateTime(TimeOnly.MinValue), Date.AddDays(1).ToDateTime(TimeOnly.MinValue));
}
