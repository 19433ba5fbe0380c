using System.Runtime.CompilerServices;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Conversion rates into one account currency already resolved during a single evaluation, on the stack: thirty held
/// symbols in nine currencies resolve nine conversion paths instead of one per symbol, side and purpose. Each
/// currency keeps its slot, so callers can total amounts per currency and convert once.
/// </summary>
internal struct RateCache
{
    public const int Capacity = 16;

    /// <summary>Returned by <see cref="TryGetSlot"/> when the rate exists but the cache is full.</summary>
    public const int NotCached = -1;

    private Entries _entries;
    private int _count;
    private string? _to;

    /// <summary>The buy-side and sell-side rates from <paramref name="from"/> into <paramref name="to"/>, as <see cref="CurrencyConverter.TryGetRates"/> gives them.</summary>
    public bool TryGet(string from, string to, SymbolCatalog catalog, IQuoteBook quotes, out decimal buy, out decimal sell) =>
        TryGetSlot(from, to, catalog, quotes, out buy, out sell, out _);

    /// <summary>
    /// As <see cref="TryGet"/>, also giving the currency's slot (0 to <see cref="Capacity"/> − 1), or
    /// <see cref="NotCached"/> when the cache is full or holds rates into another currency.
    /// </summary>
    public bool TryGetSlot(string from, string to, SymbolCatalog catalog, IQuoteBook quotes, out decimal buy, out decimal sell, out int slot)
    {
        var sameTarget = _to is null || ReferenceEquals(_to, to) || string.Equals(_to, to, StringComparison.OrdinalIgnoreCase);
        var key = Key(from);
        if (sameTarget)
        {
            for (var i = 0; i < _count; i++)
            {
                ref var entry = ref _entries[i];
                if (key != 0 ? entry.Key == key : string.Equals(entry.From, from, StringComparison.OrdinalIgnoreCase))
                {
                    buy = entry.Buy;
                    sell = entry.Sell;
                    slot = i;
                    return true;
                }
            }
        }
        slot = NotCached;
        if (!CurrencyConverter.TryGetRates(from, to, catalog, quotes, out buy, out sell)) return false;
        if (sameTarget && _count < Capacity)
        {
            _to = to;
            slot = _count++;
            _entries[slot] = new Entry(from, key, buy, sell);
        }
        return true;
    }

    /// <summary>The rates held in a slot <see cref="TryGetSlot"/> gave out.</summary>
    public readonly (decimal Buy, decimal Sell) RatesIn(int slot) => (_entries[slot].Buy, _entries[slot].Sell);

    /// <summary>
    /// A currency code of up to four ASCII letters or digits packed into a number, upper-cased, so that the cache
    /// compares one integer per entry; 0 for anything else, which is compared as a string.
    /// </summary>
    private static ulong Key(string code)
    {
        if (code.Length is 0 or > 4) return 0;
        ulong key = 0;
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return 0;
            key = (key << 16) | char.ToUpperInvariant(c);
        }
        return key;
    }

    private readonly record struct Entry(string From, ulong Key, decimal Buy, decimal Sell);

    [InlineArray(Capacity)]
    private struct Entries
    {
        private Entry _first;
    }
}
