using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Prices an account's open positions the way the engine prices lots (<see cref="SymbolMarginBasis"/>), at the
/// tier its equity is in and at the next tier up, for operators to see what a tier crossing would cost.
/// </summary>
public static class AccountMargins
{
    public static AccountMarginsResult Evaluate(AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(quotes);
        var tiers = policy.Tiers;
        LeverageTier current;
        LeverageTier? next = null;
        decimal? nextEquity = null;
        if (TierPlacement.TryCreate(policy, account.Currency, symbols, quotes, out var placement))
        {
            current = placement.TierFor(tiers, account.Equity);
            var nextIndex = tiers.FirstTierAbove(placement.ToTierCurrency(account.Equity));
            if (nextIndex < tiers.Tiers.Length)
            {
                var up = tiers.Tiers[nextIndex];
                next = up;
                nextEquity = placement.ToAccountCurrency(up.MinEquity);
            }
        }
        else
        {
            // No rate into the tier currency: the strictest tier, as the warnings assume, and no boundary to show.
            current = tiers.Tiers.MinBy(t => t.Leverage)!;
        }

        var bases = new Dictionary<string, (SymbolMarginBasis Basis, string? Failure)>(StringComparer.OrdinalIgnoreCase);
        var notional = 0m;
        var complete = true;
        foreach (var exposure in account.Portfolio.Symbols)
        {
            var priced = Price(exposure.Symbol, account, policy, symbols, quotes);
            bases[exposure.Symbol] = priced;
            if (priced.Failure is null) notional += priced.Basis.Notional(exposure);
            else complete = false;
        }

        var rows = ImmutableArray.CreateBuilder<PositionMargin>(account.Portfolio.Count);
        foreach (var position in account.Portfolio.Positions)
        {
            var (basis, failure) = bases.TryGetValue(position.Symbol, out var known) ? known : Price(position.Symbol, account, policy, symbols, quotes);
            if (failure is not null)
            {
                rows.Add(new PositionMargin(position, null, null, failure));
                continue;
            }
            var alone = new SymbolExposure(position.Symbol, 0m, 0m, 1).With(position.Side, position.Lots);
            rows.Add(new PositionMargin(position, basis.Margin(alone, current.Leverage), next is { } up ? basis.Margin(alone, up.Leverage) : null, null));
        }
        decimal? effective = complete && account.Equity > 0m ? notional / account.Equity : null;
        return new AccountMarginsResult(current, next, nextEquity, rows.MoveToImmutable(), effective);
    }

    private static (SymbolMarginBasis Basis, string? Failure) Price(string symbol, AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes)
    {
        if (!symbols.TryGet(symbol, out var spec)) return (default, ReasonText.UnknownSymbol(symbol));
        return SymbolMarginBasis.TryCreate(spec, account, policy, symbols, quotes, Leverage.Unlimited, out var basis, out var failure)
            ? (basis, null)
            : (default, failure!.Message);
    }
}
