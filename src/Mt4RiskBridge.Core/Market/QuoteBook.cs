using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Core;

/// <summary>An immutable set of quotes, keyed by symbol.</summary>
public sealed class QuoteBook : IQuoteBook
{
    private readonly FrozenDictionary<string, Quote> _quotes;

    public QuoteBook(IEnumerable<Quote> quotes) =>
        _quotes = quotes.ToFrozenDictionary(q => q.Symbol, StringComparer.Ordinal);

    public static QuoteBook Empty { get; } = new([]);

    public bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote) =>
        _quotes.TryGetValue(symbol, out quote);
}
