namespace Mt4RiskBridge.Core;

/// <summary>
/// The figures every rule shares for one order, worked out once: the symbol's pricing, what is open on it, the
/// lots that would only reduce exposure, the spread paid on opening, and (when a rule needs them) the other
/// held symbols priced the same way and summed: their net notional, and their margin at each tier above equity.
/// </summary>
internal sealed class OrderContext
{
    private decimal? _marginNowBefore;
    private bool _heldPriced;
    private decimal _othersNotional;
    private int _firstTierAbove;

    // Margin of the other held symbols at each tier from _firstTierAbove up.
    private decimal[] _othersMarginAtTier = [];

    public OrderContext(OrderCheck check, RiskPolicy policy, SymbolSpec spec, decimal entry, decimal spreadCostPerLot, SymbolMarginBasis basis, SymbolMarginBasis openBasis)
    {
        OpenBasis = openBasis;
        Check = check;
        Policy = policy;
        Spec = spec;
        Entry = entry;
        SpreadCostPerLot = spreadCostPerLot;
        Basis = basis;
        Exposure = check.Account.Portfolio.ExposureOn(spec.Name);
        Reducible = Exposure.ReducibleBy(check.Order.Side);
        Tier = policy.Tiers.TierFor(check.Account.Equity);
    }

    public OrderCheck Check { get; }
    public OrderRequest Order => Check.Order;
    public AccountState Account => Check.Account;
    public RiskPolicy Policy { get; }
    public SymbolSpec Spec { get; }

    /// <summary>The price the order fills at: the quote's side for market orders, the named price for pending ones.</summary>
    public decimal Entry { get; }

    /// <summary>Account currency lost per lot to the spread the moment the order fills.</summary>
    public decimal SpreadCostPerLot { get; }

    /// <summary>Pricing of new lots on the symbol, under any higher-margin window in force.</summary>
    public SymbolMarginBasis Basis { get; }

    /// <summary>Pricing of the lots already open on the symbol: windows do not re-price them.</summary>
    public SymbolMarginBasis OpenBasis { get; }
    public SymbolExposure Exposure { get; }

    /// <summary>Lots of this order that only close down the opposite net exposure; every rule lets them through.</summary>
    public decimal Reducible { get; }

    public LeverageTier Tier { get; }

    public decimal Requested => Order.Lots;

    public decimal Equity => Account.Equity;

    /// <summary>Used margin after <paramref name="lots"/> of the order, at the current tier: the broker's figure with this symbol re-priced.</summary>
    public decimal MarginNowAfter(decimal lots)
    {
        var before = _marginNowBefore ??= OpenBasis.Margin(Exposure, Tier.Leverage);
        return Math.Max(0m, Account.Margin - before + SymbolMarginAfter(lots, Tier.Leverage));
    }

    public MarginLevel MarginLevelNowAfter(decimal lots) =>
        MarginLevel.Of(Equity - SpreadCostPerLot * lots, MarginNowAfter(lots));

    /// <summary>Total margin with the order, every position charged at the leverage of the tier at <paramref name="tierIndex"/>, which must be above equity.</summary>
    public decimal MarginAtTierAfter(decimal lots, int tierIndex)
    {
        EnsureHeldPriced();
        return SymbolMarginAfter(lots, Policy.Tiers.Tiers[tierIndex].Leverage) + _othersMarginAtTier[tierIndex - _firstTierAbove];
    }

    /// <summary>
    /// This symbol's margin with the order under a tier's leverage. Lots that close opposite exposure only change
    /// what is open, priced as it is; lots beyond them open new exposure, one full per-lot margin each, at the
    /// leverage of any higher-margin window. Without a window this equals pricing the combined exposure.
    /// </summary>
    private decimal SymbolMarginAfter(decimal lots, Leverage tier)
    {
        var closing = Math.Min(lots, Reducible);
        var opening = lots - closing;
        return OpenBasis.Margin(Exposure.With(Order.Side, closing), tier) + opening * Basis.PerLot(Order.Side, tier);
    }

    /// <summary>Net notional of the whole account with the order, account currency.</summary>
    public decimal NotionalAfter(decimal lots)
    {
        EnsureHeldPriced();
        return Basis.Notional(Exposure.With(Order.Side, lots)) + _othersNotional;
    }

    private void EnsureHeldPriced()
    {
        if (!_heldPriced) throw new InvalidOperationException("Held symbols were not priced before a rule needed them.");
    }

    /// <summary>
    /// Prices every other held symbol and sums what the rules need; fails with the first that has no
    /// specification, quote or conversion. <paramref name="rates"/> carries conversions already resolved.
    /// </summary>
    public bool TryPriceHeldSymbols(ReadOnlySpan<Leverage> classCaps, ref RateCache rates, out Reason? failure)
    {
        failure = null;
        if (_heldPriced) return true;
        var tiers = Policy.Tiers.Tiers.AsSpan();
        var first = Policy.Tiers.FirstTierAbove(Equity);
        var above = tiers[first..];
        var atTier = above.Length > 0 ? new decimal[above.Length] : [];
        var totals = default(HeldTotals);
        var notional = 0m;
        foreach (var exposure in Account.Portfolio.Symbols)
        {
            if (string.Equals(exposure.Symbol, Spec.Name, StringComparison.Ordinal)) continue;
            if (!Check.Symbols.TryGet(exposure.Symbol, out var spec))
            {
                failure = new Reason(ReasonCode.UnknownSymbol, ReasonText.UnknownSymbol(exposure.Symbol), 0m);
                return false;
            }
            var classCap = (uint)spec.Class < (uint)classCaps.Length ? classCaps[(int)spec.Class] : Policy.LeverageFor(spec.Class).Cap;
            var policyCap = SymbolMarginBasis.PolicyCap(Policy, classCap, spec);
            if (IsSummable(spec))
            {
                if (!TryAddToTotals(spec, exposure, policyCap, ref rates, ref totals, out var added, out failure)) return false;
                if (added) continue;
            }
            // Windows apply to the new order only; open positions keep their margin.
            if (!SymbolMarginBasis.TryCreate(spec, Account, policyCap, Check.Symbols, Check.Quotes, Leverage.Unlimited, ref rates, out var basis, out failure))
                return false;
            notional += basis.Notional(exposure);
            for (var k = 0; k < above.Length; k++) atTier[k] += basis.Margin(exposure, above[k].Leverage);
        }
        _othersNotional = notional + totals.Notional(rates);
        totals.AddMarginAtTiers(rates, above, atTier);
        _othersMarginAtTier = atTier;
        _firstTierAbove = first;
        _heldPriced = true;
        return true;
    }

    /// <summary>
    /// Leverage-margined symbols without a broker per-lot figure: their margin is linear in contract units, so
    /// they can be summed per currency and cap before converting. The rest are priced one by one.
    /// </summary>
    private static bool IsSummable(SymbolSpec spec) =>
        spec.UsesLeverage && spec.ContractSize > 0m && spec.MarginRequired is not > 0m;

    /// <summary>
    /// <see cref="SymbolMarginBasis.TryCreate(SymbolSpec, AccountState, Leverage, SymbolCatalog, IQuoteBook, Leverage, ref RateCache, out SymbolMarginBasis, out Reason?)"/>'s
    /// checks and arithmetic, in contract units: the unhedged lots of each side times the contract, plus each
    /// hedged lot at MODE_MARGINHEDGED on both sides (the hedged share times the contract), priced for CFDs.
    /// </summary>
    private bool TryAddToTotals(SymbolSpec spec, SymbolExposure exposure, Leverage policyCap, ref RateCache rates, ref HeldTotals totals, out bool added, out Reason? failure)
    {
        added = false;
        failure = null;
        Quote? quote = null;
        if (spec.MarginCalcMode != MarginCalcMode.Forex && !Check.Quotes.TryGetQuote(spec.Name, out quote))
        {
            failure = new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(spec.Name), 0m);
            return false;
        }
        var notionalCurrency = spec.MarginCalcMode == MarginCalcMode.Forex ? spec.BaseCurrency : spec.ProfitCurrency;
        if (!rates.TryGetSlot(spec.MarginCurrency, Account.Currency, Check.Symbols, Check.Quotes, out _, out _, out var marginSlot))
        {
            failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(spec.MarginCurrency, Account.Currency), 0m);
            return false;
        }
        // Forex symbols are margined in their base currency, which is also what their notional is counted in.
        var notionalSlot = marginSlot;
        if (!string.Equals(notionalCurrency, spec.MarginCurrency, StringComparison.Ordinal)
            && !rates.TryGetSlot(notionalCurrency, Account.Currency, Check.Symbols, Check.Quotes, out _, out _, out notionalSlot))
        {
            failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(notionalCurrency, Account.Currency), 0m);
            return false;
        }
        if (marginSlot == RateCache.NotCached || notionalSlot == RateCache.NotCached) return true;

        // One side of each pair is fully hedged, so the unhedged units of the other side are also the net position.
        var cs = spec.ContractSize;
        var hedged = Math.Min(exposure.BuyLots, exposure.SellLots);
        var openBuy = exposure.BuyLots - hedged;
        var openSell = exposure.SellLots - hedged;
        var netBuy = openBuy == 0m ? 0m : openBuy * cs;
        var netSell = openSell == 0m ? 0m : openSell * cs;
        var unitsBuy = netBuy;
        var unitsSell = netSell;
        if (hedged != 0m)
        {
            var hedgedUnits = hedged * spec.MarginHedged;
            unitsBuy += hedgedUnits;
            unitsSell += hedgedUnits;
        }
        if (quote is not null)
        {
            unitsBuy *= quote.Ask;
            unitsSell *= quote.Bid;
            netBuy *= quote.Ask;
            netSell *= quote.Bid;
        }
        var cap = Leverage.Min(Account.Leverage, policyCap);
        added = totals.TryAdd(marginSlot, cap, unitsBuy, unitsSell, notionalSlot, netBuy, netSell);
        return true;
    }
}
