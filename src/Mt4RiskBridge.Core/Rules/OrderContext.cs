namespace Mt4RiskBridge.Core;

/// <summary>
/// The figures every rule shares for one order, worked out once: the symbol's pricing, what is open on it, the
/// lots that would only reduce exposure, the spread paid on opening, and (when a rule needs them) the other
/// held symbols priced the same way.
/// </summary>
internal sealed class OrderContext
{
    private (SymbolMarginBasis Basis, SymbolExposure Exposure)[]? _others;

    public OrderContext(OrderCheck check, RiskPolicy policy, SymbolSpec spec, decimal entry, decimal spreadCostPerLot, SymbolMarginBasis basis)
    {
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

    public SymbolMarginBasis Basis { get; }
    public SymbolExposure Exposure { get; }

    /// <summary>Lots of this order that only close down the opposite net exposure; every rule lets them through.</summary>
    public decimal Reducible { get; }

    public LeverageTier Tier { get; }

    public decimal Requested => Order.Lots;

    public decimal Equity => Account.Equity;

    /// <summary>Used margin after <paramref name="lots"/> of the order, at the current tier: the broker's figure with this symbol re-priced.</summary>
    public decimal MarginNowAfter(decimal lots)
    {
        var before = Basis.Margin(Exposure, Tier.Leverage);
        var after = Basis.Margin(Exposure.With(Order.Side, lots), Tier.Leverage);
        return Math.Max(0m, Account.Margin - before + after);
    }

    public MarginLevel MarginLevelNowAfter(decimal lots) =>
        MarginLevel.Of(Equity - SpreadCostPerLot * lots, MarginNowAfter(lots));

    /// <summary>Total margin with the order, every position charged at a tier's leverage.</summary>
    public decimal MarginAtTierAfter(decimal lots, Leverage tier)
    {
        var total = Basis.Margin(Exposure.With(Order.Side, lots), tier);
        foreach (var (basis, exposure) in Others) total += basis.Margin(exposure, tier);
        return total;
    }

    /// <summary>Net notional of the whole account with the order, account currency.</summary>
    public decimal NotionalAfter(decimal lots)
    {
        var total = Basis.Notional(Exposure.With(Order.Side, lots));
        foreach (var (basis, exposure) in Others) total += basis.Notional(exposure);
        return total;
    }

    private (SymbolMarginBasis Basis, SymbolExposure Exposure)[] Others =>
        _others ?? throw new InvalidOperationException("Held symbols were not priced before a rule needed them.");

    /// <summary>Prices every other held symbol; fails with the first that has no specification, quote or conversion.</summary>
    public bool TryPriceHeldSymbols(out Reason? failure)
    {
        failure = null;
        if (_others is not null) return true;
        var symbols = Account.Portfolio.Symbols;
        var others = new (SymbolMarginBasis, SymbolExposure)[symbols.Length];
        var count = 0;
        foreach (var exposure in symbols)
        {
            if (string.Equals(exposure.Symbol, Spec.Name, StringComparison.Ordinal)) continue;
            if (!Check.Symbols.TryGet(exposure.Symbol, out var spec))
            {
                failure = new Reason(ReasonCode.UnknownSymbol, ReasonText.UnknownSymbol(exposure.Symbol), 0m);
                return false;
            }
            // Windows apply to the new order only; open positions keep their margin.
            if (!SymbolMarginBasis.TryCreate(spec, Account, Policy, Check.Symbols, Check.Quotes, Leverage.Unlimited, out var basis, out failure))
                return false;
            others[count++] = (basis, exposure);
        }
        _others = count == others.Length ? others : others[..count];
        return true;
    }
}
