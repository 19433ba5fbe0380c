namespace Mt4RiskBridge.Core;

/// <summary>
/// What one lot of a symbol costs in the account currency at the current quotes, per side, ready to be charged
/// at any tier's leverage. For leverage modes the per-lot figure is the notional that leverage divides; for the
/// others it is the margin itself.
/// </summary>
public readonly struct SymbolMarginBasis
{
    private readonly decimal _buy;
    private readonly decimal _sell;
    private readonly decimal _notionalBuy;
    private readonly decimal _notionalSell;

    private SymbolMarginBasis(SymbolSpec spec, decimal buy, decimal sell, decimal notionalBuy, decimal notionalSell, Leverage cap)
    {
        Spec = spec;
        _buy = buy;
        _sell = sell;
        _notionalBuy = notionalBuy;
        _notionalSell = notionalSell;
        Cap = cap;
    }

    public SymbolSpec Spec { get; }

    /// <summary>
    /// The most leverage this symbol gets whatever the tier: account, class, regulatory preset, active windows,
    /// and the leverage implied by the broker's own per-lot margin, so that margin never falls below the broker's figure.
    /// </summary>
    public Leverage Cap { get; }

    /// <summary>The leverage a position on this symbol is charged at under a tier's leverage.</summary>
    public Leverage InForce(Leverage tier) => Leverage.Min(tier, Cap);

    /// <summary>Margin per lot, account currency, for a side at a tier's leverage.</summary>
    public decimal PerLot(Side side, Leverage tier)
    {
        var amount = side == Side.Buy ? _buy : _sell;
        return Spec.UsesLeverage ? InForce(tier).MarginFor(amount) : amount;
    }

    /// <summary>Notional per lot in the account currency.</summary>
    public decimal NotionalPerLot(Side side) => side == Side.Buy ? _notionalBuy : _notionalSell;

    /// <summary>
    /// Margin of a symbol's open lots: the unhedged remainder in full, each hedged lot on both sides at the
    /// hedged share (MODE_MARGINHEDGED ÷ contract size).
    /// </summary>
    public decimal Margin(SymbolExposure exposure, Leverage tier)
    {
        if (exposure.GrossLots == 0m) return 0m;
        var hedged = Math.Min(exposure.BuyLots, exposure.SellLots);
        // One side only (the usual case): no hedged share to work out, and only that side to price.
        if (hedged == 0m)
            return exposure.BuyLots == 0m ? exposure.SellLots * PerLot(Side.Sell, tier) : exposure.BuyLots * PerLot(Side.Buy, tier);
        var buy = PerLot(Side.Buy, tier);
        var sell = PerLot(Side.Sell, tier);
        return (exposure.BuyLots - hedged) * buy
             + (exposure.SellLots - hedged) * sell
             + hedged * Spec.HedgedShare * (buy + sell);
    }

    /// <summary>Net notional of a symbol's open lots, account currency.</summary>
    public decimal Notional(SymbolExposure exposure)
    {
        var net = exposure.NetLots;
        return net >= 0m ? net * _notionalBuy : -net * _notionalSell;
    }

    /// <summary>
    /// Margin of a symbol's open lots at leverage 1:1 for leverage modes (divide by the leverage in force for the
    /// margin), or the margin itself for the others: the same hedging arithmetic as <see cref="Margin"/>.
    /// </summary>
    internal decimal UnleveredMargin(SymbolExposure exposure)
    {
        if (exposure.GrossLots == 0m) return 0m;
        var hedged = Math.Min(exposure.BuyLots, exposure.SellLots);
        return (exposure.BuyLots - hedged) * _buy
             + (exposure.SellLots - hedged) * _sell
             + hedged * Spec.HedgedShare * (_buy + _sell);
    }

    /// <summary>
    /// Prices a symbol, or says why it cannot: a price it needs has no quote, or a currency has no conversion.
    /// </summary>
    public static bool TryCreate(
        SymbolSpec spec,
        AccountState account,
        RiskPolicy policy,
        SymbolCatalog catalog,
        IQuoteBook quotes,
        Leverage extraCap,
        out SymbolMarginBasis basis,
        out Reason? failure)
    {
        var rates = default(RateCache);
        return TryCreate(spec, account, PolicyCap(policy, policy.LeverageFor(spec.Class).Cap, spec), catalog, quotes, extraCap, ref rates, out basis, out failure);
    }

    /// <summary>The cap a policy puts on a symbol: its class's cap and the regulatory preset's.</summary>
    internal static Leverage PolicyCap(RiskPolicy policy, Leverage classCap, SymbolSpec spec) =>
        policy.RegulatoryPreset == RegulatoryPreset.None ? classCap : Leverage.Min(classCap, RegulatoryCaps.For(policy.RegulatoryPreset, spec));

    /// <summary>
    /// <see cref="TryCreate(SymbolSpec, AccountState, RiskPolicy, SymbolCatalog, IQuoteBook, Leverage, out SymbolMarginBasis, out Reason?)"/>
    /// with the policy's cap already worked out and conversion rates shared across the symbols of one evaluation.
    /// </summary>
    internal static bool TryCreate(
        SymbolSpec spec,
        AccountState account,
        Leverage policyCap,
        SymbolCatalog catalog,
        IQuoteBook quotes,
        Leverage extraCap,
        ref RateCache rates,
        out SymbolMarginBasis basis,
        out Reason? failure)
    {
        basis = default;
        failure = null;
        var needsPrice = spec.MarginCalcMode != MarginCalcMode.Forex;
        Quote? quote = null;
        if (needsPrice && !quotes.TryGetQuote(spec.Name, out quote))
        {
            failure = new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(spec.Name), 0m);
            return false;
        }
        var notionalCurrency = NotionalCurrency(spec);
        decimal marginBuy, marginSell, notionalRateBuy, notionalRateSell;
        if (ConvertsItself(spec, account.Currency))
        {
            // EURUSD on a USD account: the pair is its own conversion, whatever else the catalog holds.
            if (!quotes.TryGetQuote(spec.Name, out quote) || quote.Bid <= 0m || quote.Ask <= 0m)
            {
                failure = new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(spec.Name), 0m);
                return false;
            }
            marginBuy = notionalRateBuy = quote.Ask;
            marginSell = notionalRateSell = quote.Bid;
        }
        else if (!rates.TryGet(spec.MarginCurrency, account.Currency, catalog, quotes, out marginBuy, out marginSell))
        {
            failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(spec.MarginCurrency, account.Currency), 0m);
            return false;
        }
        else if (!rates.TryGet(notionalCurrency, account.Currency, catalog, quotes, out notionalRateBuy, out notionalRateSell))
        {
            failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(notionalCurrency, account.Currency), 0m);
            return false;
        }

        var cs = spec.ContractSize;
        var priceBuy = quote?.Ask ?? 0m;
        var priceSell = quote?.Bid ?? 0m;
        decimal buy, sell;
        switch (spec.MarginCalcMode)
        {
            case MarginCalcMode.Forex:
                buy = cs * marginBuy;
                sell = cs * marginSell;
                break;
            case MarginCalcMode.CfdLeverage:
                buy = cs * priceBuy * marginBuy;
                sell = cs * priceSell * marginSell;
                break;
            case MarginCalcMode.Futures:
                buy = spec.MarginInitial * marginBuy;
                sell = spec.MarginInitial * marginSell;
                break;
            case MarginCalcMode.CfdIndex:
                // MT4: contract × price × TickPrice ÷ TickSize, TickPrice being the tick value in the profit currency.
                // The terminal gives tick value in the account currency: convert it back at the mid of the rate.
                var tickPrice = spec.TickValue * 2m / (notionalRateBuy + notionalRateSell);
                var perPrice = cs * tickPrice / spec.TickSize;
                buy = perPrice * priceBuy * marginBuy;
                sell = perPrice * priceSell * marginSell;
                break;
            default:
                buy = cs * priceBuy * marginBuy;
                sell = cs * priceSell * marginSell;
                break;
        }
        var notionalBuy = spec.MarginCalcMode == MarginCalcMode.Forex ? cs * notionalRateBuy : cs * priceBuy * notionalRateBuy;
        var notionalSell = spec.MarginCalcMode == MarginCalcMode.Forex ? cs * notionalRateSell : cs * priceSell * notionalRateSell;

        var cap = Leverage.Min(Leverage.Min(account.Leverage, policyCap), extraCap);
        if (spec.MarginRequired is { } broker && broker > 0m)
        {
            if (spec.UsesLeverage)
            {
                // The broker's per-lot figure is a floor: charge at no more leverage than it implies.
                var implied = Math.Min(buy, sell) / broker;
                if (implied > 0m) cap = Leverage.Min(cap, Leverage.Of(implied));
            }
            else
            {
                // CFD, CFD-index and futures margins are the model's; the broker's figure is a floor under them,
                // never a replacement, so a low or stale figure cannot shrink what a position is charged.
                buy = Math.Max(buy, broker);
                sell = Math.Max(sell, broker);
            }
        }
        basis = new SymbolMarginBasis(spec, buy, sell, notionalBuy, notionalSell, cap);
        return true;
    }

    /// <summary>A forex pair from its margin currency into the account currency: priced from its own quote.</summary>
    internal static bool ConvertsItself(SymbolSpec spec, string accountCurrency) =>
        spec.MarginCalcMode == MarginCalcMode.Forex
        && string.Equals(spec.MarginCurrency, spec.BaseCurrency, StringComparison.OrdinalIgnoreCase)
        && string.Equals(spec.ProfitCurrency, accountCurrency, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(spec.BaseCurrency, accountCurrency, StringComparison.OrdinalIgnoreCase);

    private static string NotionalCurrency(SymbolSpec spec) =>
        spec.MarginCalcMode == MarginCalcMode.Forex ? spec.BaseCurrency : spec.ProfitCurrency;
}
