using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// The margin the model charges for an account's open positions at one tier's leverage, every symbol priced as the
/// rules price it (<see cref="SymbolMarginBasis"/>: class caps, regulatory preset, the broker's per-lot floor,
/// hedging). The warnings use it, so a warning and a decision never disagree on what a position costs. Symbols that
/// cannot be priced (no specification, quote or conversion) are named, never guessed.
/// </summary>
public static class AccountMargin
{
    public static decimal Price(
        AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes, Leverage tierLeverage, out ImmutableArray<string> unpriced)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(quotes);
        var margin = 0m;
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var exposure in account.Portfolio.Symbols)
        {
            if (!symbols.TryGet(exposure.Symbol, out var spec)
                || !SymbolMarginBasis.TryCreate(spec, account, policy, symbols, quotes, Leverage.Unlimited, out var basis, out _))
            {
                missing.Add(exposure.Symbol);
                continue;
            }
            margin += basis.Margin(exposure, tierLeverage);
        }
        unpriced = missing.ToImmutable();
        return margin;
    }

    /// <summary>
    /// The margin to judge an account by at a tier: the model's, unless a symbol could not be priced; then the larger
    /// of the model's partial figure and the margin the terminal reports, never less than either.
    /// </summary>
    public static decimal Judged(AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes, Leverage tierLeverage, out ImmutableArray<string> unpriced)
    {
        var model = Price(account, policy, symbols, quotes, tierLeverage, out unpriced);
        return unpriced.IsEmpty ? model : Math.Max(model, account.Margin);
    }
}
