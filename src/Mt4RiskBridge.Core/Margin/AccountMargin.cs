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
    /// Share by which the model's margin for the open positions may exceed the margin the terminal reports before
    /// the report is taken to contradict the positions (rates and rounding differ a little between the two).
    /// </summary>
    public const decimal ReportedTolerance = 0.05m;

    /// <summary>The margin in use: the reported figure, unless the model's exceeds it beyond <see cref="ReportedTolerance"/>; then the model's.</summary>
    public static decimal Trusted(decimal reported, decimal modelled) =>
        modelled > reported * (1m + ReportedTolerance) ? modelled : reported;

    /// <summary><see cref="Trusted"/> for an account at the tier its equity is in, symbols the model cannot price left to the report.</summary>
    public static decimal InUse(AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes)
    {
        ArgumentNullException.ThrowIfNull(account);
        var tier = TierPlacement.LeverageFor(policy, account, account.Equity, symbols, quotes);
        return Trusted(account.Margin, Price(account, policy, symbols, quotes, tier, out _));
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
