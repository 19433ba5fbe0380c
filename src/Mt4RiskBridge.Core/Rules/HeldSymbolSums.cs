namespace Mt4RiskBridge.Core;

/// <summary>
/// The held symbols' contract units already summed per currency, for one policy, account leverage and currency and
/// one order symbol left out (the order's own symbol is priced apart): what the per-symbol pass of
/// <see cref="OrderContext"/> adds up before it converts, worked out once, so that a decision only resolves each
/// currency's rate and multiplies. A memo of that pass, not another way to price: the same units, summed in the same
/// order under the same caps, and the symbols the pass prices one by one are listed to be priced the same way.
/// Immutable, so one instance serves any number of threads. Built only when the pass would take the same turns
/// whatever the quotes; otherwise it is not <see cref="Summed"/> and the pass runs as it is.
/// </summary>
internal sealed class HeldSymbolSums
{
    private HeldSymbolSums(bool summed) => Summed = summed;

    // The answer when the per-symbol pass must run.
    private static readonly HeldSymbolSums NotSummed = new(summed: false);

    /// <summary>False when the per-symbol pass must run: a symbol without a specification, or one whose units need its quote.</summary>
    public bool Summed { get; }

    /// <summary>Plan currencies in the order the per-symbol pass asks for their rates, each once.</summary>
    public int[] RateOrder { get; private init; } = [];

    /// <summary>Plan currencies that carry summed margin units, with their cap and units per side.</summary>
    public MarginSum[] Margins { get; private init; } = [];

    /// <summary>Plan currencies that carry summed notional units of net positions.</summary>
    public NotionalSum[] Notionals { get; private init; } = [];

    /// <summary>Symbols (indices into the plan) that must show a usable quote of their own: pairs quoted in the currency of an account.</summary>
    public int[] OwnQuoteChecks { get; private init; } = [];

    /// <summary>Symbols priced one by one, in portfolio order, with their policy cap.</summary>
    public (int Symbol, Leverage PolicyCap)[] PricedAlone { get; private init; } = [];

    public readonly record struct MarginSum(int Currency, Leverage Cap, decimal UnitsBuy, decimal UnitsSell);

    public readonly record struct NotionalSum(int Currency, decimal NetBuy, decimal NetSell);

    /// <summary>The sums with the held symbol at <paramref name="excluded"/> left out (−1: none).</summary>
    public static HeldSymbolSums Build(
        HeldSymbolPlan plan, int excluded, RiskPolicy policy, ReadOnlySpan<Leverage> classCaps, Leverage accountLeverage, string accountCurrency)
    {
        var count = plan.CurrencyCount;
        var rateOrder = new List<int>(count);
        var asked = new bool[count];
        var hasMargin = new bool[count];
        var caps = new Leverage[count];
        var unitsBuy = new decimal[count];
        var unitsSell = new decimal[count];
        var hasNet = new bool[count];
        var netBuy = new decimal[count];
        var netSell = new decimal[count];
        var ownQuotes = new List<int>();
        var alone = new List<(int, Leverage)>();
        var symbols = plan.Symbols;
        for (var i = 0; i < symbols.Length; i++)
        {
            if (i == excluded) continue;
            var held = symbols[i];
            if (held.Spec is not { } spec) return NotSummed;
            var policyCap = held.PolicyCap(policy, classCaps);
            if (!held.Summable)
            {
                alone.Add((i, policyCap));
                // Priced alone, a pair that is its own conversion asks for no rate.
                if (!SymbolMarginBasis.ConvertsItself(spec, accountCurrency)) Ask(held.MarginCurrency, held.NotionalCurrency);
                continue;
            }
            if (held.NeedsQuote) return NotSummed;
            if (held.QuotedIn >= 0 && held.QuotedIn != held.MarginCurrency
                && string.Equals(plan.Currencies[held.QuotedIn], accountCurrency, StringComparison.OrdinalIgnoreCase))
                ownQuotes.Add(i);
            Ask(held.MarginCurrency, held.NotionalCurrency);
            var cap = Leverage.Min(accountLeverage, policyCap);
            var m = held.MarginCurrency;
            // As HeldTotals.TryAdd: a currency already summed at another cap leaves this symbol to be priced alone.
            if (hasMargin[m] && caps[m] != cap)
            {
                alone.Add((i, policyCap));
                continue;
            }
            hasMargin[m] = true;
            caps[m] = cap;
            if (held.UnitsBuy != 0m) unitsBuy[m] += held.UnitsBuy;
            if (held.UnitsSell != 0m) unitsSell[m] += held.UnitsSell;
            var n = held.NotionalCurrency;
            if (held.NetBuy != 0m)
            {
                netBuy[n] += held.NetBuy;
                hasNet[n] = true;
            }
            if (held.NetSell != 0m)
            {
                netSell[n] += held.NetSell;
                hasNet[n] = true;
            }
        }

        var margins = new List<MarginSum>(count);
        var notionals = new List<NotionalSum>(count);
        for (var c = 0; c < count; c++)
        {
            if (hasMargin[c]) margins.Add(new MarginSum(c, caps[c], unitsBuy[c], unitsSell[c]));
            if (hasNet[c]) notionals.Add(new NotionalSum(c, netBuy[c], netSell[c]));
        }
        return new HeldSymbolSums(summed: true)
        {
            RateOrder = [.. rateOrder],
            Margins = [.. margins],
            Notionals = [.. notionals],
            OwnQuoteChecks = [.. ownQuotes],
            PricedAlone = [.. alone],
        };

        void Ask(int margin, int notional)
        {
            if (!asked[margin])
            {
                asked[margin] = true;
                rateOrder.Add(margin);
            }
            if (!asked[notional])
            {
                asked[notional] = true;
                rateOrder.Add(notional);
            }
        }
    }
}
