namespace Mt4RiskBridge.Core;

/// <summary>
/// Compares the per-lot margin the engine computes at the account's leverage with the broker's own figure
/// (MODE_MARGINREQUIRED). More than 1% apart usually means the broker levers the symbol differently; the host
/// says so once per symbol, and the engine never charges less than the broker's figure either way.
/// </summary>
public static class BrokerMarginCheck
{
    /// <summary>Relative difference above which the two figures are said to disagree.</summary>
    public const decimal Tolerance = 0.01m;

    public static BrokerMarginComparison? Compare(SymbolSpec spec, AccountState account, RiskPolicy policy, SymbolCatalog catalog, IQuoteBook quotes)
    {
        if (spec.MarginRequired is not { } broker || broker <= 0m) return null;
        var unfloored = spec with { MarginRequired = null };
        if (!SymbolMarginBasis.TryCreate(unfloored, account, policy, catalog, quotes, Leverage.Unlimited, out var basis, out _)) return null;
        var computed = basis.PerLot(Side.Buy, account.Leverage);
        var differs = Math.Abs(computed - broker) > broker * Tolerance;
        return new BrokerMarginComparison(spec.Name, computed, broker, differs);
    }
}
