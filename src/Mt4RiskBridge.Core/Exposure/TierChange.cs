using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Notices equity crossing a leverage-tier boundary either way and works out the margin level at the new
/// leverage: every open position priced by <see cref="AccountMargin"/> at the new tier, exactly as the tier-crossing
/// rule prices it (unless tiers apply to new positions only, when the reported margin stands). Critical when that level is under the policy's floor; warn
/// when leverage falls; info when it rises and the level is fine.
/// </summary>
public static class TierChange
{
    /// <summary>The change, or null when both equities are in the same tier.</summary>
    public static TierChangeResult? Detect(decimal previousEquity, AccountState account, RiskPolicy policy, SymbolCatalog symbols, IQuoteBook quotes)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(quotes);
        // Without a rate into the tier currency the tier cannot be told; the decisions refuse such accounts anyway.
        if (!TierPlacement.TryCreate(policy, account.Currency, symbols, quotes, out var placement)) return null;
        var oldTier = placement.TierFor(policy.Tiers, previousEquity);
        var newTier = placement.TierFor(policy.Tiers, account.Equity);
        if (oldTier == newTier) return null;

        // Tiers for new positions only leave open positions' margin as it is; otherwise the model prices them at the new tier.
        var margin = account.Margin;
        var unpriced = ImmutableArray<string>.Empty;
        if (policy.TierAppliesTo == TierAppliesTo.AllPositions)
            margin = AccountMargin.Judged(account, policy, symbols, quotes, newTier.Leverage, out unpriced);

        var level = MarginLevel.Of(account.Equity, margin);
        var rising = newTier.MinEquity > oldTier.MinEquity;
        // In the account currency, as the rest of the message.
        var boundary = placement.ToAccountCurrency(rising ? newTier.MinEquity : oldTier.MinEquity);
        var floor = policy.MarginLevelFloorPercent;
        var severity = floor > 0m && level.IsBelow(floor)
            ? AlertSeverity.Critical
            : newTier.Leverage < oldTier.Leverage ? AlertSeverity.Warn : AlertSeverity.Info;
        var details = new AlertDetails()
            .Add("currency", account.Currency)
            .Add("previousEquity", previousEquity)
            .Add("equity", account.Equity)
            .Add("boundary", boundary)
            .Add("direction", rising ? "up" : "down")
            .Add("oldLeverage", oldTier.Leverage)
            .Add("newLeverage", newTier.Leverage)
            .Add("marginBefore", account.Margin)
            .Add("marginAtNewLeverage", Math.Round(margin, 2))
            .Add("marginLevelAtNewLeverage", level)
            .Add("floorPercent", floor)
            .Add("unpriced", unpriced)
            .Build();
        var message = AlertText.TierChange(account, previousEquity, boundary, rising, oldTier.Leverage, newTier.Leverage, level, floor);
        var alert = new Alert(AlertCode.TierChange, severity, message, details);
        return new TierChangeResult(previousEquity, account.Equity, oldTier, newTier, boundary, margin, level, unpriced, alert);
    }
}
