using System.Diagnostics.CodeAnalysis;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// An account's latest quote per symbol. Each quote is immutable and replaced whole, so a reader on any thread
/// sees a complete bid/ask pair; only the socket thread writes. A tick costs one quote object, not a new map:
/// ticks are the bulk of the traffic.
/// </summary>
public sealed class QuoteSet : IQuoteBook
{
    private Dictionary<string, QuoteCell> _cells = new(StringComparer.OrdinalIgnoreCase);

    public int Count => Volatile.Read(ref _cells).Count;

    public IEnumerable<Quote> All => Volatile.Read(ref _cells).Values.Select(c => c.Quote);

    public bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote)
    {
        quote = Volatile.Read(ref _cells).TryGetValue(symbol, out var cell) ? cell.Quote : null;
        return quote is not null;
    }

    /// <summary>Stores a quote; socket thread only.</summary>
    internal void Set(Quote quote)
    {
        if (_cells.TryGetValue(quote.Symbol, out var cell))
        {
            cell.Quote = quote;
            return;
        }
        // A symbol seen for the first time: publish a new map, so readers never see one being changed.
        var cells = new Dictionary<string, QuoteCell>(_cells, StringComparer.OrdinalIgnoreCase) { [quote.Symbol] = new QuoteCell(quote) };
        Volatile.Write(ref _cells, cells);
    }

    private sealed class QuoteCell(Quote quote)
    {
        private Quote _quote = quote;

        public Quote Quote
        {
            get => Volatile.Read(ref _quote);
            set => Volatile.Write(ref _quote, value);
        }
    }
}
