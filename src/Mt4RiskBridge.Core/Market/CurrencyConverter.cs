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

    /// <summary>
    /// Both sides' rates at once, equal to <see cref="TryGetRate"/> for <see cref="Side.Buy"/> and for
    /// <see cref="Side.Sell"/>, but finding the conversion path once when every quote on it has a usable bid and ask.
    /// </summary>
    public static bool TryGetRates(string from, string to, SymbolCatalog catalog, IQuoteBook quotes, out decimal buy, out decimal sell)
    {
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            buy = 1m;
            sell = 1m;
            return true;
        }
        var direct = TryGetLegs(from, to, catalog, quotes, out buy, out sell);
        if (direct == Legs.Found) return true;
        if (direct == Legs.None)
        {
            if (string.Equals(from, Usd, StringComparison.OrdinalIgnoreCase) || string.Equals(to, Usd, StringComparison.OrdinalIgnoreCase))
                return false;
            var toUsd = TryGetLegs(from, Usd, catalog, quotes, out var toUsdBuy, out var toUsdSell);
            if (toUsd == Legs.None) return false;
            if (toUsd == Legs.Found)
            {
                var fromUsd = TryGetLegs(Usd, to, catalog, quotes, out var fromUsdBuy, out var fromUsdSell);
                if (fromUsd == Legs.None) return false;
                if (fromUsd == Legs.Found)
                {
                    buy = toUsdBuy * fromUsdBuy;
                    sell = toUsdSell * fromUsdSell;
                    return true;
                }
            }
        }
        // A quote with only one usable side can send each side down a different path: resolve them one by one.
        var buyFound = TryGetRate(from, to, Side.Buy, catalog, quotes, out buy);
        var sellFound = TryGetRate(from, to, Side.Sell, catalog, quotes, out sell);
        return buyFound && sellFound;
    }

    private enum Legs
    {
        /// <summary>No pair with a quote in either direction.</summary>
        None,

        /// <summary>A pair whose bid and ask are both usable.</summary>
        Found,

        /// <summary>A pair with a quote, but a side of it is not usable.</summary>
        Partial,
    }

    /// <summary>One leg for both sides, the direct pair first, as <see cref="TryGetLeg"/> chooses it per side.</summary>
    private static Legs TryGetLegs(string from, string to, SymbolCatalog catalog, IQuoteBook quotes, out decimal buy, out decimal sell)
    {
        buy = 0m;
        sell = 0m;
        if (catalog.TryFindPair(from, to, out var direct) && quotes.TryGetQuote(direct, out var quote))
        {
            if (quote.Ask <= 0m || quote.Bid <= 0m) return Legs.Partial;
            buy = quote.Ask;
            sell = quote.Bid;
            return Legs.Found;
        }
        if (catalog.TryFindPair(to, from, out var inverse) && quotes.TryGetQuote(inverse, out quote))
        {
            if (quote.Ask <= 0m || quote.Bid <= 0m) return Legs.Partial;
            buy = 1m / quote.Ask;
            sell = 1m / quote.Bid;
            return Legs.Found;
        }
        return Legs.None;
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
