namespace Mt4RiskBridge.Core;

/// <summary>
/// Converts amounts between currencies through quotes the terminal streams: a direct pair, an inverse pair, or
/// two legs through USD. Each leg uses the price on the order's side (ask for buys, bid for sells), so the rate
/// matches the price the margin is taken at. A missing rate is reported, never guessed.
/// </summary>
public static class CurrencyConverter
{
    private const string Usd = "USD";

    public static bool TryGetRate(string from, string to, Side side, SymbolCatalog catalog, IQuoteBook quotes, out decimal rate)
    {
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            rate = 1m;
            return true;
        }
        if (TryGetLeg(from, to, side, catalog, quotes, out rate)) return true;
        if (!string.Equals(from, Usd, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(to, Usd, StringComparison.OrdinalIgnoreCase)
            && TryGetLeg(from, Usd, side, catalog, quotes, out var toUsd)
            && TryGetLeg(Usd, to, side, catalog, quotes, out var fromUsd))
        {
            rate = toUsd * fromUsd;
            return true;
        }
        rate = 0m;
        return false;
    }

    private static bool TryGetLeg(string from, string to, Side side, SymbolCatalog catalog, IQuoteBook quotes, out decimal rate)
    {
        if (catalog.TryFindPair(from, to, out var direct) && quotes.TryGetQuote(direct, out var quote) && quote.PriceFor(side) > 0m)
        {
            rate = quote.PriceFor(side);
            return true;
        }
        if (catalog.TryFindPair(to, from, out var inverse) && quotes.TryGetQuote(inverse, out quote) && quote.PriceFor(side) > 0m)
        {
            rate = 1m / quote.PriceFor(side);
            return true;
        }
        rate = 0m;
        return false;
    }
}
