namespace Mt4RiskBridge.Core;

/// <summary>
/// How an account's equity meets the leverage tiers, which are written in the tier currency
/// (<see cref="RiskPolicy.TierCurrency"/>; brokers publish them in USD equivalents): equity is converted at the mid
/// of the current rate, and boundaries come back into the account currency at the same rate. The default value is
/// the identity, an account in the tier currency.
/// </summary>
public readonly record struct TierPlacement
{
    // Tier-currency units per account-currency unit, less one, so that the default value is the identity.
    private readonly decimal _rateLessOne;

    private TierPlacement(decimal rate) => _rateLessOne = rate - 1m;

    /// <summary>Tier-currency units per account-currency unit, at the mid.</summary>
    public decimal Rate => _rateLessOne + 1m;

    /// <summary>The placement for an account, or false when no quote converts its currency into the tier currency.</summary>
    public static bool TryCreate(RiskPolicy policy, string accountCurrency, SymbolCatalog catalog, IQuoteBook quotes, out TierPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(policy);
        placement = default;
        if (string.Equals(accountCurrency, policy.TierCurrency, StringComparison.OrdinalIgnoreCase)) return true;
        if (!CurrencyConverter.TryGetRates(accountCurrency, policy.TierCurrency, catalog, quotes, out var buy, out var sell)) return false;
        placement = new TierPlacement((buy + sell) / 2m);
        return true;
    }

    /// <summary>An account-currency amount in the tier currency.</summary>
    public decimal ToTierCurrency(decimal amount) => IsIdentity ? amount : amount * Rate;

    /// <summary>A tier-currency amount (a boundary) in the account currency.</summary>
    public decimal ToAccountCurrency(decimal tierAmount) => IsIdentity ? tierAmount : tierAmount / Rate;

    // A rate of exactly 1m (scale 0): multiplying or dividing by it gives back the amount bit for bit, so neither is done.
    private bool IsIdentity => _rateLessOne == 0m && _rateLessOne.Scale == 0;

    /// <summary>The tier an equity in the account currency falls in.</summary>
    public LeverageTier TierFor(LeverageTierTable tiers, decimal equity)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        return tiers.TierFor(ToTierCurrency(equity));
    }

    /// <summary>
    /// The tier leverage for an account's equity, for the warnings: converted when a rate exists, otherwise the most
    /// restrictive tier's, so a missing quote never makes a warning milder.
    /// </summary>
    public static Leverage LeverageFor(RiskPolicy policy, AccountState account, decimal equity, SymbolCatalog catalog, IQuoteBook quotes)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(account);
        if (TryCreate(policy, account.Currency, catalog, quotes, out var placement)) return placement.TierFor(policy.Tiers, equity).Leverage;
        var strictest = Leverage.Unlimited;
        foreach (var tier in policy.Tiers.Tiers) strictest = Leverage.Min(strictest, tier.Leverage);
        return strictest;
    }
}
