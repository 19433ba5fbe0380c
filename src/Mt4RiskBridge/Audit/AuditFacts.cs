using System.Text.Json;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Audit;

/// <summary>
/// The <c>facts</c> of an audit line (format 2): what the one decision function took beyond the request and the
/// account summary, so that a reader can judge the same check again under another policy (docs/report.md, "Audit
/// format"). Kept small: every position as symbol, side and lots; of the symbols, only the order's, the held ones
/// and the currency pairs that could convert their money (to the account currency, the tier currency or USD).
/// </summary>
internal static class AuditFacts
{
    private const string Usd = "USD";

    public static void Write(Utf8JsonWriter json, OrderCheck check, string tierCurrency)
    {
        var account = check.Account;
        json.WriteStartObject("facts");
        json.WriteNumber("marginCall", account.MarginCallLevel);
        json.WriteNumber("stopOut", account.StopOutLevel);
        json.WriteString("stopOutMode", account.StopOutMode == StopOutMode.Money ? "money" : "percent");
        json.WriteBoolean("positionsKnown", account.PositionsKnown);
        json.WriteStartArray("positions");
        foreach (var position in account.Portfolio.Positions)
        {
            json.WriteStartArray();
            json.WriteStringValue(position.Symbol);
            json.WriteStringValue(position.Side == Side.Buy ? "buy" : "sell");
            json.WriteNumberValue(position.Lots);
            json.WriteEndArray();
        }
        json.WriteEndArray();

        var used = UsedSymbols(check, tierCurrency);
        json.WriteStartArray("symbols");
        foreach (var name in used)
        {
            if (check.Symbols.TryGet(name, out var spec)) WriteSpec(json, spec);
        }
        json.WriteEndArray();
        json.WriteStartArray("quotes");
        foreach (var name in used)
        {
            if (!check.Quotes.TryGetQuote(name, out var quote)) continue;
            json.WriteStartArray();
            json.WriteStringValue(quote.Symbol);
            json.WriteNumberValue(quote.Bid);
            json.WriteNumberValue(quote.Ask);
            json.WriteNumberValue(Math.Round((check.Now - quote.ReceivedAt).TotalMilliseconds, 3));
            json.WriteEndArray();
        }
        json.WriteEndArray();

        json.WriteNumber("staleAfterMs", check.StaleAfter.TotalMilliseconds);
        if (check.ServerTime is { } server) json.WriteString("serverTime", DateTime.SpecifyKind(server, DateTimeKind.Unspecified));
        else json.WriteNull("serverTime");
        if (check.TradingState is { } state) json.WriteString("trading", state.ToString().ToLowerInvariant());
        else json.WriteNull("trading");
        if (check.TradingWhy.Length > 0) json.WriteString("why", check.TradingWhy);
        json.WriteStartArray("rate");
        json.WriteNumberValue(check.Rate.Count);
        json.WriteNumberValue(check.Rate.MaxPerSecond);
        json.WriteEndArray();
        json.WriteStartArray("windows");
        foreach (var window in check.Windows)
        {
            json.WriteStartArray();
            json.WriteStringValue(window.Code);
            json.WriteStringValue(window.Cap.ToString());
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteNumber("blockMinutes", check.Calendar is null ? 0 : check.BlockNewPositionsMinutes);
        json.WriteEndObject();
    }

    private static void WriteSpec(Utf8JsonWriter json, SymbolSpec spec)
    {
        json.WriteStartObject();
        json.WriteString("name", spec.Name);
        json.WriteString("class", spec.Class.ToString());
        json.WriteString("mode", spec.MarginCalcMode.ToString());
        json.WriteString("base", spec.BaseCurrency);
        json.WriteString("profit", spec.ProfitCurrency);
        json.WriteString("marginCurrency", spec.MarginCurrency);
        json.WriteNumber("digits", spec.Digits);
        json.WriteNumber("point", spec.Point);
        json.WriteNumber("contract", spec.ContractSize);
        json.WriteNumber("tickSize", spec.TickSize);
        json.WriteNumber("tickValue", spec.TickValue);
        json.WriteNumber("minLot", spec.MinLot);
        json.WriteNumber("maxLot", spec.MaxLot);
        json.WriteNumber("lotStep", spec.LotStep);
        if (spec.MarginInitial != 0m) json.WriteNumber("marginInitial", spec.MarginInitial);
        json.WriteNumber("marginHedged", spec.MarginHedged);
        if (spec.MarginRequired is { } required) json.WriteNumber("marginRequired", required);
        if (spec.StopLevel != 0) json.WriteNumber("stopLevel", spec.StopLevel);
        json.WriteEndObject();
    }

    /// <summary>The order's symbol, the held ones, then every streamed pair between their currencies and the account, tier or USD currency.</summary>
    private static List<string> UsedSymbols(OrderCheck check, string tierCurrency)
    {
        var names = new List<string>(4) { check.Order.Symbol };
        foreach (var exposure in check.Account.Portfolio.Symbols) Add(names, exposure.Symbol);
        var targets = new List<string>(3);
        AddCurrency(targets, check.Account.Currency);
        AddCurrency(targets, tierCurrency);
        AddCurrency(targets, Usd);
        var currencies = new List<string>(targets);
        foreach (var name in names.ToArray())
        {
            if (!check.Symbols.TryGet(name, out var spec)) continue;
            AddCurrency(currencies, spec.BaseCurrency);
            AddCurrency(currencies, spec.ProfitCurrency);
            AddCurrency(currencies, spec.MarginCurrency);
        }
        foreach (var from in currencies)
        {
            foreach (var to in targets)
            {
                if (check.Symbols.TryFindPair(from, to, out var direct)) Add(names, direct);
                if (check.Symbols.TryFindPair(to, from, out var inverse)) Add(names, inverse);
            }
        }
        return names;
    }

    private static void Add(List<string> names, string name)
    {
        if (!names.Contains(name, StringComparer.Ordinal)) names.Add(name);
    }

    private static void AddCurrency(List<string> currencies, string currency)
    {
        if (currency.Length > 0 && !currencies.Contains(currency, StringComparer.OrdinalIgnoreCase)) currencies.Add(currency.ToUpperInvariant());
    }
}
