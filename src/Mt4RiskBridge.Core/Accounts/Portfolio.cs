using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Open positions and their per-symbol totals. The totals are built once when the positions arrive, so an
/// evaluation walks symbols rather than positions.
/// </summary>
public sealed class Portfolio
{
    private Portfolio(ImmutableArray<Position> positions, ImmutableArray<SymbolExposure> symbols, decimal totalLots)
    {
        Positions = positions;
        Symbols = symbols;
        TotalLots = totalLots;
    }

    public static Portfolio Empty { get; } = new([], [], 0m);

    public ImmutableArray<Position> Positions { get; }

    public ImmutableArray<SymbolExposure> Symbols { get; }

    public decimal TotalLots { get; }

    public int Count => Positions.Length;

    // The price-independent part of pricing the held symbols, for the last catalog asked about.
    private HeldSymbolPlan? _plan;

    /// <summary>The held symbols prepared for pricing against <paramref name="catalog"/>, built on first use and kept.</summary>
    internal HeldSymbolPlan PlanFor(SymbolCatalog catalog)
    {
        var plan = Volatile.Read(ref _plan);
        if (plan is not null && ReferenceEquals(plan.Catalog, catalog)) return plan;
        // Racing threads may each build one; they are equal, and whichever is stored last is kept.
        plan = HeldSymbolPlan.Build(this, catalog);
        Volatile.Write(ref _plan, plan);
        return plan;
    }

    public static Portfolio From(IEnumerable<Position> positions)
    {
        var list = positions.ToImmutableArray();
        var bySymbol = new Dictionary<string, SymbolExposure>(StringComparer.Ordinal);
        var order = new List<string>();
        var total = 0m;
        foreach (var position in list)
        {
            if (!bySymbol.TryGetValue(position.Symbol, out var exposure))
            {
                exposure = new SymbolExposure(position.Symbol, 0m, 0m, 0);
                order.Add(position.Symbol);
            }
            bySymbol[position.Symbol] = exposure.With(position.Side, position.Lots) with { Count = exposure.Count + 1 };
            total += position.Lots;
        }
        return new Portfolio(list, [.. order.Select(s => bySymbol[s])], total);
    }

    /// <summary>The totals for one symbol; empty when nothing is open on it.</summary>
    public SymbolExposure ExposureOn(string symbol)
    {
        foreach (var exposure in Symbols)
        {
            if (string.Equals(exposure.Symbol, symbol, StringComparison.Ordinal)) return exposure;
        }
        return new SymbolExposure(symbol, 0m, 0m, 0);
    }
}
