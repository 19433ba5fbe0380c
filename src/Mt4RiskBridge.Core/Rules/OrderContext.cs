using System.Runtime.CompilerServices;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The figures every rule shares for one order, worked out once: the symbol's pricing, what is open on it, the
/// lots that would only reduce exposure, the spread paid on opening, and (when a rule needs them) the other
/// held symbols priced the same way and summed: their net notional, and their margin at each tier above equity.
/// </summary>
internal sealed class OrderContext
{
    private bool _heldPriced;
    private decimal _othersNotional;
    private int _firstPricedTier;

    // Margin of the other held symbols at each tier from _firstPricedTier (the current tier) up: the first
    // _othersMarginCount entries, in an array kept from one decision to the next.
    private decimal[] _othersMarginAtTier = [];
    private int _othersMarginCount;
    private decimal? _usedMargin;

    // The margin of what is open on the symbol at each tier (OpenMargin of Exposure), worked out at most once per
    // decision: the margin floor, the used margin and each tier crossing ask for it. Bit i of _openMarginKnown says
    // entry i holds this decision's figure.
    private decimal[] _openMarginAtTier = [];
    private ulong _openMarginKnown;

    // The same for what stays open once the reducible lots have closed: every rule asks at the reducible lots.
    private decimal[] _closedMarginAtTier = [];
    private ulong _closedMarginKnown;

    // Per-lot margins already divided out in this evaluation, keyed by tier, basis and side; see PerLotAt.
    private PerLotMemo _perLot;
    private int _perLotCount;
    private decimal? _hedgedShare;
    private decimal? _floor;

    // Whether OpenBasis is Basis (no higher-margin window), so that both share remembered per-lot margins.
    private bool _sameBasis;

    /// <summary>
    /// The context of the calling thread, reused from decision to decision: one evaluation per thread at a time,
    /// and nothing of it outlives <see cref="RiskEngine.Evaluate"/>, so a decision allocates no context of its own.
    /// </summary>
    [ThreadStatic]
    private static OrderContext? t_current;

    private OrderContext()
    {
    }

    /// <summary>The calling thread's context, started on <paramref name="check"/>: its quote view fresh, nothing remembered yet.</summary>
    public static OrderContext Start(OrderCheck check, RiskPolicy policy)
    {
        var context = t_current ??= new OrderContext();
        context.Check = check;
        context.Policy = policy;
        context.FreshQuotes.Reset(check.Quotes, check.Now, check.StaleAfter);
        return context;
    }

    /// <summary>Binds the order's symbol, priced, and forgets every figure a previous decision remembered.</summary>
    public void Bind(TierPlacement placement, SymbolSpec spec, decimal entry, decimal spreadCostPerLot, SymbolMarginBasis basis, SymbolMarginBasis openBasis, bool sameBasis)
    {
        _heldPriced = false;
        _openMarginKnown = 0;
        _closedMarginKnown = 0;
        _othersNotional = 0m;
        _firstPricedTier = 0;
        _othersMarginCount = 0;
        _usedMargin = null;
        _perLotCount = 0;
        _hedgedShare = null;
        _floor = null;
        _sameBasis = sameBasis;
        Placement = placement;
        OpenBasis = openBasis;
        Spec = spec;
        Entry = entry;
        SpreadCostPerLot = spreadCostPerLot;
        Basis = basis;
        Exposure = Check.Account.Portfolio.ExposureOn(spec.Name);
        Reducible = Exposure.ReducibleBy(Check.Order.Side);
        // The tier TierFor gives: the last one starting at or below equity, the lowest for negative equity.
        TierEquity = placement.ToTierCurrency(Check.Account.Equity);
        TierIndex = Math.Max(0, Policy.Tiers.FirstTierAbove(TierEquity) - 1);
        Tier = Policy.Tiers.Tiers[TierIndex];
    }

    public OrderCheck Check { get; private set; } = null!;

    /// <summary>The quotes this decision may use: the check's, without any older than the staleness limit.</summary>
    public FreshQuotes FreshQuotes { get; } = new();

    /// <inheritdoc cref="FreshQuotes"/>
    public IQuoteBook Quotes => FreshQuotes;

    /// <summary>How equity meets the tier table, which is in the tier currency.</summary>
    public TierPlacement Placement { get; private set; }

    /// <summary>Equity in the tier currency: what places the account in a tier.</summary>
    public decimal TierEquity { get; private set; }

    /// <summary>The equity, in the account currency, at which the tier at <paramref name="tierIndex"/> starts.</summary>
    public decimal BoundaryAt(int tierIndex) => Placement.ToAccountCurrency(Policy.Tiers.Tiers[tierIndex].MinEquity);
    public OrderRequest Order => Check.Order;
    public AccountState Account => Check.Account;
    public RiskPolicy Policy { get; private set; } = null!;
    public SymbolSpec Spec { get; private set; } = null!;

    /// <summary>The price the order fills at: the quote's side for market orders, the named price for pending ones.</summary>
    public decimal Entry { get; private set; }

    /// <summary>Account currency lost per lot to the spread the moment the order fills.</summary>
    public decimal SpreadCostPerLot { get; private set; }

    /// <summary>Pricing of new lots on the symbol, under any higher-margin window in force.</summary>
    public SymbolMarginBasis Basis { get; private set; }

    /// <summary>Pricing of the lots already open on the symbol: windows do not re-price them.</summary>
    public SymbolMarginBasis OpenBasis { get; private set; }
    public SymbolExposure Exposure { get; private set; }

    /// <summary>Lots of this order that only close down the opposite net exposure; every rule lets them through.</summary>
    public decimal Reducible { get; private set; }

    public LeverageTier Tier { get; private set; }

    /// <summary>Index of <see cref="Tier"/> in the policy's tier table.</summary>
    public int TierIndex { get; private set; }

    /// <summary>The policy's margin level floor as a fraction (percent ÷ 100).</summary>
    public decimal Floor => _floor ??= Policy.MarginLevelFloorPercent / 100m;

    /// <summary><see cref="SymbolMarginBasis.PerLot"/> of <see cref="Basis"/> for the order's side at a tier's leverage, divided once per evaluation.</summary>
    public decimal PerLotAt(int tierIndex) => PerLot(Basis, 0, Order.Side, tierIndex);

    public decimal Requested => Order.Lots;

    public decimal Equity => Account.Equity;

    /// <summary>Used margin after <paramref name="lots"/> of the order, at the current tier: the used margin now with this symbol re-priced.</summary>
    public decimal MarginNowAfter(decimal lots)
    {
        var before = OpenMarginNow(TierIndex);
        return Math.Max(0m, UsedMargin - before + SymbolMarginAfter(lots, TierIndex));
    }

    /// <summary>
    /// The margin in use now: the broker's reported figure, unless the model's margin for the open positions at the
    /// current tier exceeds it by more than <see cref="AccountMargin.ReportedTolerance"/>; then the larger, the model's.
    /// </summary>
    public decimal UsedMargin => _usedMargin ??= WorkOutUsedMargin();

    private decimal WorkOutUsedMargin()
    {
        var reported = Account.Margin;
        if (!_heldPriced) return reported;
        var modelled = OpenMarginNow(TierIndex) + OthersMarginAt(TierIndex);
        return AccountMargin.Trusted(reported, modelled);
    }

    public MarginLevel MarginLevelNowAfter(decimal lots) =>
        MarginLevel.Of(Equity - SpreadCostPerLot * lots, MarginNowAfter(lots));

    /// <summary>Total margin with the order, every position charged at the leverage of the tier at <paramref name="tierIndex"/>, which must be above equity.</summary>
    public decimal MarginAtTierAfter(decimal lots, int tierIndex)
    {
        EnsureHeldPriced();
        return SymbolMarginAfter(lots, tierIndex) + OthersMarginAt(tierIndex);
    }

    /// <summary>
    /// This symbol's margin with the order under a tier's leverage. Lots that close opposite exposure only change
    /// what is open, priced as it is; lots beyond them open new exposure, one full per-lot margin each, at the
    /// leverage of any higher-margin window. Without a window this equals pricing the combined exposure.
    /// </summary>
    private decimal SymbolMarginAfter(decimal lots, int tierIndex)
    {
        var closing = Math.Min(lots, Reducible);
        var opening = lots - closing;
        // Adding 0m (scale 0) leaves the exposure exactly as it is, so its remembered margin is the same figure; closing
        // exactly the reducible lots (same value and scale) gives the exposure whose margin is remembered after them.
        var open = closing == 0m && closing.Scale == 0 ? OpenMarginNow(tierIndex)
            : closing == Reducible && closing.Scale == Reducible.Scale ? ClosedMarginAt(tierIndex)
            : OpenMargin(Exposure.With(Order.Side, closing), tierIndex);
        return open + opening * PerLotAt(tierIndex);
    }

    /// <summary><see cref="OpenMargin"/> of what is open on the symbol now, at a tier, remembered for the decision.</summary>
    private decimal OpenMarginNow(int tierIndex) => Remembered(Exposure, tierIndex, ref _openMarginKnown, ref _openMarginAtTier);

    /// <summary><see cref="OpenMargin"/> of what stays open once the reducible lots have closed, at a tier, remembered for the decision.</summary>
    private decimal ClosedMarginAt(int tierIndex) => Remembered(Exposure.With(Order.Side, Reducible), tierIndex, ref _closedMarginKnown, ref _closedMarginAtTier);

    /// <summary><see cref="OpenMargin"/> of <paramref name="exposure"/> at a tier, from <paramref name="atTier"/> when bit <paramref name="tierIndex"/> of <paramref name="known"/> says it is there.</summary>
    private decimal Remembered(SymbolExposure exposure, int tierIndex, ref ulong known, ref decimal[] atTier)
    {
        if (tierIndex >= 64) return OpenMargin(exposure, tierIndex);
        var bit = 1UL << tierIndex;
        if ((known & bit) != 0) return atTier[tierIndex];
        var margin = OpenMargin(exposure, tierIndex);
        if (atTier.Length <= tierIndex) Array.Resize(ref atTier, Policy.Tiers.Tiers.Length);
        atTier[tierIndex] = margin;
        known |= bit;
        return margin;
    }

    /// <summary><see cref="SymbolMarginBasis.Margin"/> of <see cref="OpenBasis"/>, term for term, with the per-lot margins and hedged share remembered.</summary>
    private decimal OpenMargin(SymbolExposure exposure, int tierIndex)
    {
        if (exposure.GrossLots == 0m) return 0m;
        var id = _sameBasis ? 0 : 1;
        var hedged = Math.Min(exposure.BuyLots, exposure.SellLots);
        if (hedged == 0m)
        {
            return exposure.BuyLots == 0m
                ? exposure.SellLots * PerLot(OpenBasis, id, Side.Sell, tierIndex)
                : exposure.BuyLots * PerLot(OpenBasis, id, Side.Buy, tierIndex);
        }
        var buy = PerLot(OpenBasis, id, Side.Buy, tierIndex);
        var sell = PerLot(OpenBasis, id, Side.Sell, tierIndex);
        var share = _hedgedShare ??= Spec.HedgedShare;
        return (exposure.BuyLots - hedged) * buy
             + (exposure.SellLots - hedged) * sell
             + hedged * share * (buy + sell);
    }

    /// <summary><paramref name="basis"/>'s per-lot margin for a side at a tier's leverage, remembered under the basis's <paramref name="id"/>.</summary>
    private decimal PerLot(in SymbolMarginBasis basis, int id, Side side, int tierIndex)
    {
        var key = (tierIndex << 2) | (id << 1) | (side == Side.Buy ? 0 : 1);
        for (var i = 0; i < _perLotCount; i++)
        {
            if (_perLot[i].Key == key) return _perLot[i].Value;
        }
        var value = basis.PerLot(side, Policy.Tiers.Tiers[tierIndex].Leverage);
        if (_perLotCount < PerLotMemo.Length) _perLot[_perLotCount++] = new PerLotEntry(key, value);
        return value;
    }

    private readonly record struct PerLotEntry(int Key, decimal Value);

    [InlineArray(Length)]
    private struct PerLotMemo
    {
        public const int Length = 6;
        private PerLotEntry _first;
    }

    /// <summary>Net notional of the whole account with the order, account currency.</summary>
    public decimal NotionalAfter(decimal lots)
    {
        EnsureHeldPriced();
        return Basis.Notional(Exposure.With(Order.Side, lots)) + _othersNotional;
    }

    /// <summary>The other held symbols' margin at a tier priced in this decision; never a figure left from an earlier one.</summary>
    private decimal OthersMarginAt(int tierIndex)
    {
        var i = tierIndex - _firstPricedTier;
        if ((uint)i >= (uint)_othersMarginCount) throw new ArgumentOutOfRangeException(nameof(tierIndex), tierIndex, "The tier was not priced in this decision.");
        return _othersMarginAtTier[i];
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
        return TryPricePlanned(Account.Portfolio.PlanFor(Check.Symbols), classCaps, ref rates, out failure);
    }

    /// <summary>
    /// Prices the held symbols from their plan (specifications and contract units prepared once per portfolio),
    /// resolving each currency's rate slot once. Leverage-margined symbols without a broker per-lot figure are
    /// summed per currency and cap before converting; the rest are priced one by one.
    /// </summary>
    private bool TryPricePlanned(HeldSymbolPlan plan, ReadOnlySpan<Leverage> classCaps, ref RateCache rates, out Reason? failure)
    {
        failure = null;
        var tiers = Policy.Tiers.Tiers.AsSpan();
        // From the current tier up: the current one checks the reported margin, those above re-price the account.
        var first = Math.Min(TierIndex, Policy.Tiers.FirstTierAbove(TierEquity));
        var above = tiers[first..];
        if (_othersMarginAtTier.Length < above.Length) _othersMarginAtTier = new decimal[above.Length];
        var atTier = _othersMarginAtTier.AsSpan(0, above.Length);
        atTier.Clear();
        var totals = default(HeldTotals);
        var notional = 0m;
        var sums = plan.SumsFor(IndexOf(plan, Spec.Name), Policy, classCaps, Account.Leverage, Account.Currency);
        if (sums.Summed)
        {
            var stale = FreshQuotes.Stale;
            if (TryPriceSummed(plan, sums, above, atTier, ref rates, ref totals, ref notional)) return Priced(notional, ref totals, rates, above, atTier, first);
            // Something is missing: the per-symbol pass finds which symbol, and says so as it always has.
            FreshQuotes.RefusedSince(stale);
            atTier.Clear();
            totals = default;
            notional = 0m;
        }
        Span<int> slots = plan.CurrencyCount <= 32 ? stackalloc int[plan.CurrencyCount] : new int[plan.CurrencyCount];
        slots.Fill(Unresolved);
        Span<sbyte> isAccount = plan.CurrencyCount <= 32 ? stackalloc sbyte[plan.CurrencyCount] : new sbyte[plan.CurrencyCount];
        isAccount.Clear();
        var preset = Policy.RegulatoryPreset;
        // Without a regulatory preset the cap a summed symbol is charged at depends on its class alone: worked out
        // once per class (0 unknown, 1 known).
        Span<Leverage> chargedByClass = stackalloc Leverage[classCaps.Length];
        Span<byte> chargedKnown = stackalloc byte[classCaps.Length];
        chargedKnown.Clear();
        foreach (var held in plan.Symbols)
        {
            if (string.Equals(held.Exposure.Symbol, Spec.Name, StringComparison.Ordinal)) continue;
            if (held.Spec is not { } spec)
            {
                failure = new Reason(ReasonCode.UnknownSymbol, ReasonText.UnknownSymbol(held.Exposure.Symbol), 0m);
                return false;
            }
            var policyCap = held.PolicyCap(Policy, classCaps);
            if (held.Summable)
            {
                // A pair quoted in the account currency is priced from its own quote, as the margin model prices it,
                // never from a cross the converter would find if that quote were missing or stale.
                if (held.QuotedIn >= 0 && held.QuotedIn != held.MarginCurrency && IsAccountCurrency(plan, held.QuotedIn, isAccount)
                    && (!Quotes.TryGetQuote(spec.Name, out var own) || own.Bid <= 0m || own.Ask <= 0m))
                {
                    failure = new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(spec.Name), 0m);
                    return false;
                }
                Leverage charged;
                if (preset == RegulatoryPreset.None && (uint)spec.Class < (uint)classCaps.Length)
                {
                    var c = (int)spec.Class;
                    if (chargedKnown[c] == 0)
                    {
                        chargedByClass[c] = ChargedCap(policyCap);
                        chargedKnown[c] = 1;
                    }
                    charged = chargedByClass[c];
                }
                else
                {
                    charged = ChargedCap(policyCap);
                }
                if (!TryAddToTotals(held, spec, charged, slots, ref rates, ref totals, out var added, out failure)) return false;
                if (added) continue;
            }
            // Windows apply to the new order only; open positions keep their margin.
            if (!SymbolMarginBasis.TryCreate(spec, Account, policyCap, Check.Symbols, Quotes, Leverage.Unlimited, ref rates, out var basis, out failure))
                return false;
            notional += basis.Notional(held.Exposure);
            for (var k = 0; k < above.Length; k++) atTier[k] += basis.Margin(held.Exposure, above[k].Leverage);
        }
        return Priced(notional, ref totals, rates, above, atTier, first);
    }

    /// <summary>Converts the totals and keeps what the rules read: the others' net notional, and their margin per tier from <paramref name="first"/> up.</summary>
    private bool Priced(decimal notional, ref HeldTotals totals, in RateCache rates, ReadOnlySpan<LeverageTier> above, Span<decimal> atTier, int first)
    {
        _othersNotional = notional + totals.Notional(rates);
        totals.AddMarginAtTiers(rates, above, atTier);
        _othersMarginCount = above.Length;
        _firstPricedTier = first;
        _heldPriced = true;
        return true;
    }

    /// <summary>The held symbol named <paramref name="symbol"/>'s index in the plan, or −1 when it is not held.</summary>
    private static int IndexOf(HeldSymbolPlan plan, string symbol)
    {
        var symbols = plan.Symbols;
        for (var i = 0; i < symbols.Length; i++)
        {
            if (string.Equals(symbols[i].Exposure.Symbol, symbol, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    /// <summary>
    /// The per-symbol pass from its memo (<see cref="HeldSymbolSums"/>): each currency's rate asked for in the pass's
    /// order, the own-quote checks, the symbols priced alone, then the summed units in their currencies' slots.
    /// False, with nothing kept, when anything is missing or the rate cache cannot give each currency a slot of its own.
    /// </summary>
    private bool TryPriceSummed(HeldSymbolPlan plan, HeldSymbolSums sums, ReadOnlySpan<LeverageTier> above, Span<decimal> atTier, ref RateCache rates, ref HeldTotals totals, ref decimal notional)
    {
        var count = plan.CurrencyCount;
        Span<int> slots = count <= 32 ? stackalloc int[count] : new int[count];
        var claimed = 0u;
        foreach (var currency in sums.RateOrder)
        {
            if (!rates.TryGetSlot(plan.Currencies[currency], Account.Currency, Check.Symbols, Quotes, out _, out _, out var slot) || slot == RateCache.NotCached)
                return false;
            // Two currencies in one slot (codes that differ only in case) are left to the pass, which adds them symbol by symbol.
            var bit = 1u << slot;
            if ((claimed & bit) != 0) return false;
            claimed |= bit;
            slots[currency] = slot;
        }
        var symbols = plan.Symbols;
        foreach (var index in sums.OwnQuoteChecks)
        {
            if (!Quotes.TryGetQuote(symbols[index].Spec!.Name, out var own) || own.Bid <= 0m || own.Ask <= 0m) return false;
        }
        foreach (var (index, policyCap) in sums.PricedAlone)
        {
            var held = symbols[index];
            if (!SymbolMarginBasis.TryCreate(held.Spec!, Account, policyCap, Check.Symbols, Quotes, Leverage.Unlimited, ref rates, out var basis, out _))
                return false;
            notional += basis.Notional(held.Exposure);
            for (var k = 0; k < above.Length; k++) atTier[k] += basis.Margin(held.Exposure, above[k].Leverage);
        }
        foreach (var margin in sums.Margins) totals.SetMargin(slots[margin.Currency], margin.Cap, margin.UnitsBuy, margin.UnitsSell);
        foreach (var net in sums.Notionals) totals.SetNotional(slots[net.Currency], net.NetBuy, net.NetSell);
        return true;
    }

    /// <summary>Whether a plan currency is the account's, worked out once per currency and evaluation (0 unknown, 1 yes, −1 no).</summary>
    private bool IsAccountCurrency(HeldSymbolPlan plan, int currency, Span<sbyte> known)
    {
        if (known[currency] == 0) known[currency] = string.Equals(plan.Currencies[currency], Account.Currency, StringComparison.OrdinalIgnoreCase) ? (sbyte)1 : (sbyte)-1;
        return known[currency] > 0;
    }

    /// <summary>The leverage a summed symbol under <paramref name="policyCap"/> is charged at: the account's, capped.</summary>
    private Leverage ChargedCap(Leverage policyCap) => Leverage.Min(Account.Leverage, policyCap);

    // A plan currency whose rate slot has not been asked for yet in this evaluation.
    private const int Unresolved = int.MinValue;

    /// <summary>
    /// Adds a summable symbol's contract units, priced for CFDs, to the per-currency totals; fails on a missing quote
    /// or conversion. <paramref name="added"/> is false when the rate cannot be cached, and the caller prices it alone.
    /// </summary>
    private bool TryAddToTotals(HeldSymbol held, SymbolSpec spec, Leverage cap, Span<int> slots, ref RateCache rates, ref HeldTotals totals, out bool added, out Reason? failure)
    {
        added = false;
        failure = null;
        Quote? quote = null;
        if (held.NeedsQuote && !Quotes.TryGetQuote(spec.Name, out quote))
        {
            failure = new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(spec.Name), 0m);
            return false;
        }
        if (!TryResolveSlot(slots, held.MarginCurrency, spec.MarginCurrency, ref rates, out var marginSlot))
        {
            failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(spec.MarginCurrency, Account.Currency), 0m);
            return false;
        }
        var notionalSlot = marginSlot;
        if (held.NotionalCurrency != held.MarginCurrency)
        {
            var notionalCurrency = spec.MarginCalcMode == MarginCalcMode.Forex ? spec.BaseCurrency : spec.ProfitCurrency;
            if (!TryResolveSlot(slots, held.NotionalCurrency, notionalCurrency, ref rates, out notionalSlot))
            {
                failure = new Reason(ReasonCode.NoConversion, ReasonText.NoConversion(notionalCurrency, Account.Currency), 0m);
                return false;
            }
        }
        if (marginSlot == RateCache.NotCached || notionalSlot == RateCache.NotCached) return true;

        var unitsBuy = held.UnitsBuy;
        var unitsSell = held.UnitsSell;
        var netBuy = held.NetBuy;
        var netSell = held.NetSell;
        if (quote is not null)
        {
            unitsBuy *= quote.Ask;
            unitsSell *= quote.Bid;
            netBuy *= quote.Ask;
            netSell *= quote.Bid;
        }
        added = totals.TryAdd(marginSlot, cap, unitsBuy, unitsSell, notionalSlot, netBuy, netSell);
        return true;
    }

    /// <summary>A currency's rate slot, asked of <paramref name="rates"/> the first time and remembered; false when there is no rate.</summary>
    private bool TryResolveSlot(Span<int> slots, int currency, string code, ref RateCache rates, out int slot)
    {
        slot = slots[currency];
        if (slot != Unresolved) return true;
        if (!rates.TryGetSlot(code, Account.Currency, Check.Symbols, Quotes, out _, out _, out slot)) return false;
        slots[currency] = slot;
        return true;
    }
}
