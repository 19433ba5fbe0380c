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
        var buy = PerLot(Side.Buy, tier);
        var sell = PerLot(Side.Sell, tier);
        var hedged = Math.Min(exposure.BuyLots, exposure.SellLots);
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
        basis = default;
        failure = null;
        var needsPrice = spec.MarginCalcMode != MarginCalcMode.Forex;
        Quote? quote = null;
        if (needsPrice && !quotes.TryGetQuote(spec.Name, out quote))
        {
            failure = new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(spec.Name), 0m);
            return false;
        }
        if (!TryRates(spec.MarginCurrency, account.Currency, catalog, quotes, out var marginBuy, out var marginSell)
            || !TryRates(NotionalCurrency(spec), account.Currency, catalog, quotes, out var notionalRateBuy, out var notionalRateSell))
        {
            var from = TryRates(spec.MarginCurrency, account.Currency, catalog, quotes, out _, out _) ? NotionalCurrency(spec) : spec.MarginCurrency;
            failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(from, account.Currency), 0m);
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
            default:
                buy = cs * priceBuy * marginBuy;
                sell = cs * priceSell * marginSell;
                break;
        }
        var notionalBuy = spec.MarginCalcMode == MarginCalcMode.Forex ? cs * notionalRateBuy : cs * priceBuy * notionalRateBuy;
        var notionalSell = spec.MarginCalcMode == MarginCalcMode.Forex ? cs * notionalRateSell : cs * priceSell * notionalRateSell;

        var classLeverage = policy.LeverageFor(spec.Class);
        var cap = Leverage.Min(Leverage.Min(account.Leverage, classLeverage.Cap), Leverage.Min(RegulatoryCaps.For(policy.RegulatoryPreset, spec), extraCap));
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
                // Percentage-margined CFDs and futures depend on broker settings the terminal does not expose.
                buy = broker;
                sell = broker;
            }
        }
        basis = new SymbolMarginBasis(spec, buy, sell, notionalBuy, notionalSell, cap);
        return true;
    }

    private static string NotionalCurrency(SymbolSpec spec) =>
        spec.MarginCalcMode == MarginCalcMode.Forex ? spec.BaseCurrency : spec.ProfitCurrency;

    private static bool TryRates(string from, string to, SymbolCatalog catalog, IQuoteBook quotes, out decimal buy, out decimal sell)
    {
        sell = 0m;
        return CurrencyConverter.TryGetRate(from, to, Side.Buy, catalog, quotes, out buy)
            && CurrencyConverter.TryGetRate(from, to, Side.Sell, catalog, quotes, out sell);
    }
}
