using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The symbol specifications a terminal has streamed, with an index of currency pairs so that conversions
/// find broker symbols that carry suffixes (EURUSDm, EURUSD.pro). A forex symbol converts between its base and
/// profit currencies only when its name begins with those six letters: a symbol named otherwise ("EU", "EURUSD"
/// streamed under another name) is tradable but never used to convert another symbol's money.
/// </summary>
public sealed class SymbolCatalog
{
    private readonly FrozenDictionary<string, SymbolSpec> _specs;
    private readonly FrozenDictionary<(string Base, string Quote), string> _pairs;

    // The same pairs keyed by their six ASCII letters packed into a number, so a look-up neither upper-cases
    // strings nor hashes two of them; pairs with other characters are found through _pairs.
    private readonly FrozenDictionary<ulong, string> _asciiPairs;

    public SymbolCatalog(IEnumerable<SymbolSpec> specs)
    {
        var list = specs.ToImmutableArray();
        _specs = list.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        var pairs = new Dictionary<(string, string), string>();
        // Prefer the plainest name when a broker lists one pair under several suffixes.
        foreach (var spec in list.Where(IsConversionPair).OrderBy(s => s.Name.Length).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            pairs.TryAdd((spec.BaseCurrency.ToUpperInvariant(), spec.ProfitCurrency.ToUpperInvariant()), spec.Name);
        }
        _pairs = pairs.ToFrozenDictionary();
        var ascii = new Dictionary<ulong, string>();
        foreach (var ((baseCurrency, quoteCurrency), name) in pairs)
        {
            if (TryPackPair(baseCurrency, quoteCurrency, out var key)) ascii.Add(key, name);
        }
        _asciiPairs = ascii.ToFrozenDictionary();
        Specs = list;
    }

    /// <summary>A forex symbol named for its currencies: base and profit currency, then any suffix.</summary>
    public static bool IsConversionPair(SymbolSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.MarginCalcMode == MarginCalcMode.Forex
            && spec.BaseCurrency.Length == 3 && spec.ProfitCurrency.Length == 3
            && spec.Name.Length >= 6
            && spec.Name.AsSpan(0, 3).Equals(spec.BaseCurrency, StringComparison.OrdinalIgnoreCase)
            && spec.Name.AsSpan(3, 3).Equals(spec.ProfitCurrency, StringComparison.OrdinalIgnoreCase);
    }

    public static SymbolCatalog Empty { get; } = new([]);

    public ImmutableArray<SymbolSpec> Specs { get; }

    public bool TryGet(string symbol, [NotNullWhen(true)] out SymbolSpec? spec) => _specs.TryGetValue(symbol, out spec);

    /// <summary>The forex symbol quoting <paramref name="baseCurrency"/> in <paramref name="quoteCurrency"/>, if streamed.</summary>
    public bool TryFindPair(string baseCurrency, string quoteCurrency, [NotNullWhen(true)] out string? symbol)
    {
        if (TryPackPair(baseCurrency, quoteCurrency, out var key)) return _asciiPairs.TryGetValue(key, out symbol);
        return _pairs.TryGetValue((baseCurrency.ToUpperInvariant(), quoteCurrency.ToUpperInvariant()), out symbol);
    }

    /// <summary>
    /// Two three-character ASCII codes, upper-cased, as one number: equal for two pairs exactly when their
    /// upper-cased codes are equal. False for any other code, which the packed index cannot hold.
    /// </summary>
    private static bool TryPackPair(string baseCurrency, string quoteCurrency, out ulong key)
    {
        key = 0;
        return TryPack(baseCurrency, ref key) && TryPack(quoteCurrency, ref key);
    }

    /// <summary>Appends a three-character ASCII code, upper-cased, seven bits a character.</summary>
    private static bool TryPack(string code, ref ulong key)
    {
        if (code.Length != 3) return false;
        foreach (var c in code)
        {
            if (!char.IsAscii(c)) return false;
            key = (key << 7) | char.ToUpperInvariant(c);
        }
        return true;
    }
}
