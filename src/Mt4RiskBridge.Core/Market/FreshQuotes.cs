using System.Diagnostics.CodeAnalysis;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The quotes one decision may use: those received within the staleness limit. An older quote is treated as
/// missing, and the first one refused is remembered so the decision can say which quote was too old. Every quote a
/// decision reads goes through this view: the order's own, conversion legs and held symbols alike.
/// </summary>
internal sealed class FreshQuotes : IQuoteBook
{
    private IQuoteBook _quotes = QuoteBook.Empty;
    private DateTimeOffset _now;
    private TimeSpan _staleAfter;

    /// <summary>Views other quotes at another time, forgetting any quote refused before: one view serves decision after decision.</summary>
    public void Reset(IQuoteBook quotes, DateTimeOffset now, TimeSpan staleAfter)
    {
        _quotes = quotes;
        _now = now;
        _staleAfter = staleAfter;
        Stale = null;
    }

    /// <summary>The first quote refused as too old, if any.</summary>
    public Quote? Stale { get; private set; }

    public DateTimeOffset Now => _now;

    public TimeSpan StaleAfter => _staleAfter;

    public bool TryGetQuote(string symbol, [NotNullWhen(true)] out Quote? quote)
    {
        if (!_quotes.TryGetQuote(symbol, out quote)) return false;
        // A quote from the future (a clock stepped back) is no fresher than one from long ago.
        var age = _now - quote.ReceivedAt;
        if (age <= _staleAfter && age >= TimeSpan.Zero) return true;
        Stale ??= quote;
        quote = null;
        return false;
    }

    /// <summary>Forgets the quotes refused since <paramref name="stale"/> was the first: a pass that is run again will refuse them again.</summary>
    public void RefusedSince(Quote? stale) => Stale = stale;

    /// <summary>The failure to report: a stale quote's age when one was refused, else <paramref name="failure"/> as it is.</summary>
    public Reason Explain(Reason failure)
    {
        if (Stale is not { } stale) return failure;
        var age = _now - stale.ReceivedAt;
        return new Reason(ReasonCode.StaleState, age < TimeSpan.Zero
            ? ReasonText.AgedOnAClockThatWentBack($"the {stale.Symbol} quote", age)
            : ReasonText.StaleQuote(stale.Symbol, age, _staleAfter), 0m);
    }
}
