using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Sessions;

/// <summary>An account's latest quote per symbol; immutable, so a tick makes a new set that shares the rest.</summary>
public sealed class QuoteSet : IQuoteBook
{
    private readonly ImmutableDictionary<string, Quote> _quotes;

    private QuoteSet(ImmutableDictionary<string, Quote> quotes) => _quotes = quotes;

    public static QuoteSet Empty { get; } = new(ImmutableDictionary.Create<string, Quote>(StringComparer.OrdinalIgnoreCase));

    public int Count => _quotes.Count;

    public IEnumerable<Quote> All => _quotes.Values;

    public bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote) => _quotes.TryGetValue(symbol, out quote);

    public QuoteSet With(Quote quote) => new(_quotes.SetItem(quote.Symbol, quote));

    public QuoteSet With(IEnumerable<Quote> quotes) => new(_quotes.SetItems(quotes.Select(q => KeyValuePair.Create(q.Symbol, q))));
}
