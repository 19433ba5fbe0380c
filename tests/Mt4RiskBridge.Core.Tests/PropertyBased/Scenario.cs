using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>One generated case: a policy and everything an order is checked against, plus plain lookups for the oracle.</summary>
internal sealed record Scenario(RiskPolicy Policy, OrderCheck Check)
{
    public FrozenDictionary<string, SymbolSpec> Specs { get; } =
        Check.Symbols.Specs.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    public SymbolSpec Spec => Specs[Check.Order.Symbol];

    public Quote QuoteOf(string symbol) =>
        Check.Quotes.TryGetQuote(symbol, out var quote) ? quote : throw new InvalidOperationException($"no quote for {symbol}");

    /// <summary>Enough to rebuild the case by hand when a property fails.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var account = Check.Account;
        var policy = Policy;
        var caps = policy.LotCaps;
        var text = new StringBuilder();
        text.Append(inv, $"order {Check.Order}\n");
        text.Append(inv, $"account {account.Currency} equity {account.Equity} margin {account.Margin} leverage {account.Leverage}\n");
        foreach (var p in account.Portfolio.Positions) text.Append(inv, $"  position {p.Symbol} {p.Side} {p.Lots}\n");
        text.Append(inv, $"policy floor {policy.MarginLevelFloorPercent} tiers {policy.TierAppliesTo} risk {policy.RiskPerTradePercent} requireSL {policy.RequireStopLoss} maxEff {policy.MaxEffectiveLeverage} preset {policy.RegulatoryPreset}\n");
        text.Append(inv, $"  caps global {caps.Global}; symbols {string.Join(", ", caps.Symbols.Select(kv => $"{kv.Key}={kv.Value}"))}; classes {string.Join(", ", caps.Classes.Select(kv => $"{kv.Key}={kv.Value}"))}\n");
        foreach (var window in Check.Windows) text.Append(inv, $"  window {window.Code} {window.Cap}\n");
        foreach (var spec in Check.Symbols.Specs)
        {
            var quote = QuoteOf(spec.Name);
            text.Append(inv, $"  {spec.Name} {quote.Bid}/{quote.Ask} step {spec.LotStep} min {spec.MinLot} max {spec.MaxLot} hedged {spec.MarginHedged} tickValue {spec.TickValue} marginRequired {spec.MarginRequired} class {spec.Class}\n");
        }
        return text.ToString();
    }
}
