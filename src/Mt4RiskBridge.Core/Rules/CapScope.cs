namespace Mt4RiskBridge.Core;

/// <summary>
/// Where a total-lots or position-count cap counts: the whole account, the order's instrument class, or the
/// order's symbol. Shared by the two counting rules.
/// </summary>
internal static class CapScope
{
    public const int Account = 0;
    public const int Class = 1;
    public const int Symbol = 2;

    public static string Describe(OrderContext context, int scope) => scope switch
    {
        Class => $"class {context.Spec.Class}",
        Symbol => context.Spec.Name,
        _ => "the account",
    };

    /// <summary>Open lots and positions in a scope.</summary>
    public static (decimal Lots, int Count) Open(OrderContext context, int scope)
    {
        var portfolio = context.Account.Portfolio;
        switch (scope)
        {
            case Symbol:
                return (context.Exposure.GrossLots, context.Exposure.Count);
            case Class:
                var lots = 0m;
                var count = 0;
                foreach (var exposure in portfolio.Symbols)
                {
                    if (context.Check.Symbols.TryGet(exposure.Symbol, out var spec) && spec.Class == context.Spec.Class)
                    {
                        lots += exposure.GrossLots;
                        count += exposure.Count;
                    }
                }
                return (lots, count);
            default:
                return (portfolio.TotalLots, portfolio.Count);
        }
    }

    /// <summary>How many scopes there are: <see cref="Account"/>, <see cref="Class"/> and <see cref="Symbol"/>.</summary>
    public const int Count = 3;

    /// <summary>The caps that apply to an order in a scope; null (or 0 in them) is off.</summary>
    public static LotCaps? Caps(OrderContext context, int scope)
    {
        var table = context.Policy.LotCaps;
        return scope switch
        {
            Class => table.ForClass(context.Spec.Class),
            Symbol => table.ForSymbol(context.Spec.Name),
            _ => table.Global,
        };
    }
}
