using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The symbol specifications a terminal has streamed, with an index of currency pairs so that conversions
/// find broker symbols that carry suffixes (EURUSDm, EURUSD.pro).
/// </summary>
public sealed class SymbolCatalog
{
    private readonly FrozenDictionary<string, SymbolSpec> _specs;
    private readonly FrozenDictionary<(string Base, string Quote), string> _pairs;

    public SymbolCatalog(IEnumerable<SymbolSpec> specs)
    {
        var list = specs.ToImmutableArray();
        _specs = list.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), string>();
        // Prefer the plainest name when a broker lists one pair under several suffixes.
        foreach (var spec in list.Where(s => s.MarginCalcMode == MarginCalcMode.Forex).OrderBy(s => s.Name.Length).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            pairs.TryAdd((spec.BaseCurrency.ToUpperInvariant(), spec.ProfitCurrency.ToUpperInvariant()), spec.Name);
        }
        _pairs = pairs.ToFrozenDictionary();
        Specs = list;
    }

    public static SymbolCatalog Empty { get; } = new([]);

    public ImmutableArray<SymbolSpec> Specs { get; }

    public bool TryGet(string symbol, [NotNullWhen(true)] out SymbolSpec? spec) => _specs.TryGetValue(symbol, out spec);

    /// <summary>The forex symbol quoting <paramref name="baseCurrency"/> in <paramref name="quoteCurrency"/>, if streamed.</summary>
    public bool TryFindPair(string baseCurrency, string quoteCurrency, [NotNullWhen(true)] out string? symbol) =>
        _pairs.TryGetValue((baseCurrency.ToUpperInvariant(), quoteCurrency.ToUpperInvariant()), out symbol);
}
