using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Everything one decision is made from. <see cref="Now"/> is the service's clock, passed in so the engine reads
/// no clock; state older than <see cref="StaleAfter"/> on that clock is refused.
/// </summary>
public sealed record OrderCheck
{
    public required OrderRequest Order { get; init; }
    public required AccountState Account { get; init; }
    public required SymbolCatalog Symbols { get; init; }
    public required IQuoteBook Quotes { get; init; }
    public required DateTimeOffset Now { get; init; }
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Higher-margin windows active for the order's symbol.</summary>
    public ImmutableArray<LeverageWindow> Windows { get; init; } = [];
}
