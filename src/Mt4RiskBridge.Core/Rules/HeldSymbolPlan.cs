namespace Mt4RiskBridge.Core;

/// <summary>
/// Everything about a portfolio's held symbols that does not depend on prices, policy or the order, worked out
/// once per portfolio and catalog: each symbol's specification, and for symbols whose margin is linear in contract
/// units, those units per side (unhedged lots times the contract plus the hedged lots' share). An evaluation then
/// only looks up rates and quotes and multiplies. Immutable but for memos that any thread may fill, so one instance
/// serves any number of threads.
/// </summary>
internal sealed class HeldSymbolPlan
{
    private HeldSymbolPlan(SymbolCatalog catalog, HeldSymbol[] symbols, string[] currencies)
    {
        Catalog = catalog;
        Symbols = symbols;
        Currencies = currencies;
    }

    /// <summary>The catalog the specifications were read from.</summary>
    public SymbolCatalog Catalog { get; }

    /// <summary>The held symbols in the portfolio's order; one the catalog lacks has no specification.</summary>
    public HeldSymbol[] Symbols { get; }

    /// <summary>The distinct currency codes the symbols' currency indices (<see cref="HeldSymbol.MarginCurrency"/> and the like) point into.</summary>
    public string[] Currencies { get; }

    /// <summary>How many distinct currency codes the symbols index.</summary>
    public int CurrencyCount => Currencies.Length;

    // The held symbols' sums for the last policy and account asked about: one per order symbol left out (the last
    // entry: none left out), each built on first use.
    private SumsMemo? _sums;

    /// <summary>
    /// <see cref="HeldSymbolSums"/> for an order on the held symbol at <paramref name="excluded"/> (−1: a symbol not
    /// held), built on first use and kept while the policy, account leverage and currency stay the same.
    /// <paramref name="classCaps"/> must be the policy's class caps, as <see cref="RiskEngine"/> reads them.
    /// </summary>
    public HeldSymbolSums SumsFor(int excluded, RiskPolicy policy, ReadOnlySpan<Leverage> classCaps, Leverage accountLeverage, string accountCurrency)
    {
        var memo = Volatile.Read(ref _sums);
        if (memo is null || !ReferenceEquals(memo.Policy, policy) || memo.AccountLeverage != accountLeverage
            || !string.Equals(memo.AccountCurrency, accountCurrency, StringComparison.Ordinal))
        {
            // Racing threads may each start one; whichever is stored last is kept, and each answers the same.
            memo = new SumsMemo(policy, accountLeverage, accountCurrency, new HeldSymbolSums?[Symbols.Length + 1]);
            Volatile.Write(ref _sums, memo);
        }
        ref var entry = ref memo.ByExcluded[excluded < 0 ? Symbols.Length : excluded];
        var sums = Volatile.Read(ref entry);
        if (sums is null)
        {
            sums = HeldSymbolSums.Build(this, excluded, policy, classCaps, accountLeverage, accountCurrency);
            Volatile.Write(ref entry, sums);
        }
        return sums;
    }

    private sealed record SumsMemo(RiskPolicy Policy, Leverage AccountLeverage, string AccountCurrency, HeldSymbolSums?[] ByExcluded);

    public static HeldSymbolPlan Build(Portfolio portfolio, SymbolCatalog catalog)
    {
        var exposures = portfolio.Symbols;
        var symbols = new HeldSymbol[exposures.Length];
        var currencies = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < exposures.Length; i++)
        {
            var exposure = exposures[i];
            // A symbol missing from the catalog stays in its place, so pricing fails on it in portfolio order.
            symbols[i] = catalog.TryGet(exposure.Symbol, out var spec) ? HeldSymbol.Create(exposure, spec, currencies) : HeldSymbol.Missing(exposure);
        }
        var codes = new string[currencies.Count];
        foreach (var (code, index) in currencies) codes[index] = code;
        return new HeldSymbolPlan(catalog, symbols, codes);
    }
}

/// <summary>One held symbol as <see cref="HeldSymbolPlan"/> prepares it.</summary>
internal sealed class HeldSymbol
{
    private HeldSymbol(SymbolExposure exposure, SymbolSpec? spec)
    {
        Exposure = exposure;
        Spec = spec;
    }

    public SymbolExposure Exposure { get; }

    /// <summary>The specification; null when the catalog has none, which fails the evaluation as an unknown symbol.</summary>
    public SymbolSpec? Spec { get; }

    /// <summary>Leverage-margined without a broker per-lot figure, so its margin can be summed per currency before converting.</summary>
    public bool Summable { get; private init; }

    /// <summary>Whether the contract units are multiplied by the quote (every mode but forex).</summary>
    public bool NeedsQuote { get; private init; }

    /// <summary>Index of the margin currency among the plan's currencies.</summary>
    public int MarginCurrency { get; private init; }

    /// <summary>Index of the notional currency (base for forex, profit otherwise) among the plan's currencies.</summary>
    public int NotionalCurrency { get; private init; }

    /// <summary>
    /// For a forex pair whose margin currency is its base, the index of its quote currency: in an account of that
    /// currency the pair is its own conversion (<see cref="SymbolMarginBasis.ConvertsItself"/>) and needs its own
    /// quote. −1 for any other symbol.
    /// </summary>
    public int QuotedIn { get; private init; } = -1;

    /// <summary>Contract units charged margin on the buy side: the unhedged buy lots plus the hedged lots' share.</summary>
    public decimal UnitsBuy { get; private init; }

    public decimal UnitsSell { get; private init; }

    /// <summary>Contract units of the unhedged buy lots, which are also the net position when long.</summary>
    public decimal NetBuy { get; private init; }

    public decimal NetSell { get; private init; }

    /// <summary>The regulatory preset caps of the symbol, indexed by <see cref="RegulatoryPreset"/>.</summary>
    public Leverage[] RegulatoryCaps { get; private init; } = [];

    public static HeldSymbol Missing(SymbolExposure exposure) => new(exposure, null);

    /// <summary>The cap the policy puts on this symbol: its class's (<paramref name="classCaps"/>, by class) and any regulatory preset's.</summary>
    public Leverage PolicyCap(RiskPolicy policy, ReadOnlySpan<Leverage> classCaps)
    {
        var spec = Spec!;
        var classCap = (uint)spec.Class < (uint)classCaps.Length ? classCaps[(int)spec.Class] : policy.LeverageFor(spec.Class).Cap;
        var preset = policy.RegulatoryPreset;
        return preset == RegulatoryPreset.None
            ? classCap
            : Leverage.Min(classCap, (uint)preset < (uint)RegulatoryCaps.Length ? RegulatoryCaps[(int)preset] : Core.RegulatoryCaps.For(preset, spec));
    }

    public static HeldSymbol Create(SymbolExposure exposure, SymbolSpec spec, Dictionary<string, int> currencies)
    {
        var presets = Enum.GetValues<RegulatoryPreset>();
        var caps = new Leverage[presets.Max(p => (int)p) + 1];
        foreach (var preset in presets) caps[(int)preset] = Core.RegulatoryCaps.For(preset, spec);

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

        var notionalCurrency = spec.MarginCalcMode == MarginCalcMode.Forex ? spec.BaseCurrency : spec.ProfitCurrency;
        return new HeldSymbol(exposure, spec)
        {
            Summable = spec.UsesLeverage && spec.ContractSize > 0m && spec.MarginRequired is not > 0m,
            NeedsQuote = spec.MarginCalcMode != MarginCalcMode.Forex,
            MarginCurrency = IndexOf(currencies, spec.MarginCurrency),
            NotionalCurrency = IndexOf(currencies, notionalCurrency),
            QuotedIn = spec.MarginCalcMode == MarginCalcMode.Forex && string.Equals(spec.MarginCurrency, spec.BaseCurrency, StringComparison.OrdinalIgnoreCase)
                ? IndexOf(currencies, spec.ProfitCurrency)
                : -1,
            UnitsBuy = unitsBuy,
            UnitsSell = unitsSell,
            NetBuy = netBuy,
            NetSell = netSell,
            RegulatoryCaps = caps,
        };
    }

    private static int IndexOf(Dictionary<string, int> currencies, string code)
    {
        if (!currencies.TryGetValue(code, out var index))
        {
            index = currencies.Count;
            currencies.Add(code, index);
        }
        return index;
    }
}
