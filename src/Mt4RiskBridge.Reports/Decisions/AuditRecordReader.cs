using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// Reads one line of the service's audit trail (docs/report.md, "Audit format"): format 1 (no <c>v</c>) and format
/// 2 (<c>"v":2</c> with <c>facts</c>). A line that is not an audit record is refused; facts that do not make a whole
/// check leave the record without one (counted as not replayable), never a guess.
/// </summary>
public static class AuditRecordReader
{
    // An account never reported is written with an age of TimeSpan.MaxValue: anything this old had no report.
    private const double NeverReportedMs = 1e12;

    public static bool TryRead(string line, int lineNumber, out AuditRecord? record)
    {
        record = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            return TryRead(document.RootElement, lineNumber, out record);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryRead(JsonElement root, int lineNumber, out AuditRecord? record)
    {
        record = null;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("at", out var atElement) || !atElement.TryGetDateTime(out var at)
            || !root.TryGetProperty("login", out var loginElement) || !loginElement.TryGetInt64(out var login)
            || !root.TryGetProperty("verdict", out var verdictElement) || verdictElement.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        at = DateTime.SpecifyKind(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at, DateTimeKind.Utc);
        var version = root.TryGetProperty("v", out var v) && v.TryGetInt32(out var written) ? written : 1;
        var codes = new List<string>();
        if (root.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array)
        {
            foreach (var reason in reasons.EnumerateArray())
            {
                if (reason.ValueKind == JsonValueKind.Object && reason.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
                    codes.Add(code.GetString()!);
            }
        }
        var lots = root.TryGetProperty("lots", out var lotsElement) && lotsElement.TryGetDecimal(out var l) ? l : 0m;
        var order = root.TryGetProperty("request", out var request) ? ReadOrder(request) : null;
        var compact = root.TryGetProperty("compact", out var c) && c.ValueKind == JsonValueKind.True;
        OrderCheck? check = null;
        if (version >= 2 && order is not null && root.TryGetProperty("state", out var state) && root.TryGetProperty("facts", out var facts))
            check = ReadCheck(order, login, at, state, facts);
        var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        record = new AuditRecord(lineNumber, version, at, login, id, order, verdictElement.GetString()!, lots, codes, compact, check);
        return true;
    }

    private static OrderRequest? ReadOrder(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object
            || Text(request, "symbol") is not { } symbol
            || Text(request, "side") is not { } sideText
            || Number(request, "lots") is not { } lots)
        {
            return null;
        }
        var side = sideText == "sell" ? Side.Sell : Side.Buy;
        var type = Enum.TryParse<OrderType>(Text(request, "orderType"), ignoreCase: true, out var parsed) ? parsed : OrderType.Market;
        var magic = request.TryGetProperty("magic", out var m) && m.TryGetInt64(out var magicValue) ? magicValue : 0;
        return new OrderRequest(symbol, side, lots, type, Number(request, "price"), Number(request, "sl"), Number(request, "tp"), magic, Text(request, "comment"));
    }

    private static OrderCheck? ReadCheck(OrderRequest order, long login, DateTime at, JsonElement state, JsonElement facts)
    {
        try
        {
            var now = new DateTimeOffset(at, TimeSpan.Zero);
            if (Text(state, "currency") is not { } currency
                || Number(state, "equity") is not { } equity
                || !Leverage.TryParse(Text(state, "accountLeverage"), out var leverage)
                || !state.TryGetProperty("ageMs", out var ageElement) || !ageElement.TryGetDouble(out var ageMs))
            {
                return null;
            }
            var positions = new List<Position>();
            var ticket = 0L;
            foreach (var row in Array(facts, "positions"))
            {
                if (row.GetArrayLength() < 3) return null;
                // The decision reads a position's symbol, side and lots only; the audit keeps no more.
                positions.Add(new Position(++ticket, row[0].GetString()!, row[1].GetString() == "sell" ? Side.Sell : Side.Buy, row[2].GetDecimal(), 0m));
            }
            var account = new AccountState
            {
                Login = login,
                Currency = currency,
                Balance = Number(state, "balance") ?? equity,
                Equity = equity,
                Margin = Number(state, "margin") ?? 0m,
                Leverage = leverage,
                MarginCallLevel = Number(facts, "marginCall") ?? 0m,
                StopOutLevel = Number(facts, "stopOut") ?? 0m,
                StopOutMode = Text(facts, "stopOutMode") == "money" ? StopOutMode.Money : StopOutMode.Percent,
                PositionsKnown = facts.TryGetProperty("positionsKnown", out var known) && known.ValueKind == JsonValueKind.True,
                Portfolio = Portfolio.From(positions),
                ReceivedAt = ageMs >= NeverReportedMs ? default : now - TimeSpan.FromMilliseconds(ageMs),
            };
            var specs = new List<SymbolSpec>();
            foreach (var spec in Array(facts, "symbols"))
            {
                if (ReadSpec(spec) is not { } read) return null;
                specs.Add(read);
            }
            var quotes = new List<Quote>();
            foreach (var row in Array(facts, "quotes"))
            {
                if (row.GetArrayLength() < 4) return null;
                quotes.Add(new Quote(row[0].GetString()!, row[1].GetDecimal(), row[2].GetDecimal(), 0, now - TimeSpan.FromMilliseconds(row[3].GetDouble())));
            }
            var windows = ImmutableArray.CreateBuilder<LeverageWindow>();
            foreach (var row in Array(facts, "windows"))
            {
                if (row.GetArrayLength() < 2 || !Leverage.TryParse(row[1].GetString(), out var cap)) return null;
                windows.Add(new LeverageWindow(row[0].GetString()!, cap));
            }
            TradingState? trading = Enum.TryParse<TradingState>(Text(facts, "trading"), ignoreCase: true, out var t) ? t : null;
            DateTime? serverTime = facts.TryGetProperty("serverTime", out var server) && server.ValueKind == JsonValueKind.String && server.TryGetDateTime(out var s)
                ? DateTime.SpecifyKind(s, DateTimeKind.Unspecified)
                : null;
            var rate = facts.TryGetProperty("rate", out var rateElement) && rateElement.ValueKind == JsonValueKind.Array && rateElement.GetArrayLength() == 2
                ? new OrderRate(rateElement[0].GetInt32(), rateElement[1].GetInt32())
                : default;
            var blockMinutes = facts.TryGetProperty("blockMinutes", out var block) && block.TryGetInt32(out var minutes) ? minutes : 0;
            return new OrderCheck
            {
                Order = order,
                Account = account,
                Symbols = new SymbolCatalog(specs),
                Quotes = new QuoteBook(quotes),
                Now = now,
                StaleAfter = TimeSpan.FromMilliseconds(facts.TryGetProperty("staleAfterMs", out var stale) && stale.TryGetDouble(out var ms) ? ms : 10_000),
                Windows = windows.ToImmutable(),
                TradingState = trading,
                TradingWhy = Text(facts, "why") ?? "",
                ServerTime = serverTime,
                Rate = rate,
                // The service's calendar settings are not in the line; the built-in market hours place the block.
                Calendar = blockMinutes > 0 ? MarketCalendar.Default : null,
                BlockNewPositionsMinutes = blockMinutes,
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException or KeyNotFoundException)
        {
            // Facts of the wrong shape: the record is kept, but it cannot be judged again.
            return null;
        }
    }

    private static SymbolSpec? ReadSpec(JsonElement spec)
    {
        if (Text(spec, "name") is not { } name
            || Number(spec, "contract") is not { } contract
            || Number(spec, "tickSize") is not { } tickSize
            || Number(spec, "tickValue") is not { } tickValue
            || Number(spec, "minLot") is not { } minLot
            || Number(spec, "maxLot") is not { } maxLot
            || Number(spec, "lotStep") is not { } lotStep
            || !Enum.TryParse<MarginCalcMode>(Text(spec, "mode"), ignoreCase: true, out var mode)
            || !Enum.TryParse<InstrumentClass>(Text(spec, "class"), ignoreCase: true, out var instrumentClass))
        {
            return null;
        }
        return new SymbolSpec
        {
            Name = name,
            Digits = spec.TryGetProperty("digits", out var d) && d.TryGetInt32(out var digits) ? digits : 0,
            Point = Number(spec, "point") ?? 0m,
            ContractSize = contract,
            TickSize = tickSize,
            TickValue = tickValue,
            MinLot = minLot,
            MaxLot = maxLot,
            LotStep = lotStep,
            MarginCalcMode = mode,
            MarginInitial = Number(spec, "marginInitial") ?? 0m,
            MarginHedged = Number(spec, "marginHedged") ?? 0m,
            BaseCurrency = Text(spec, "base") ?? "",
            ProfitCurrency = Text(spec, "profit") ?? "",
            MarginCurrency = Text(spec, "marginCurrency") ?? "",
            MarginRequired = Number(spec, "marginRequired"),
            StopLevel = spec.TryGetProperty("stopLevel", out var sl) && sl.TryGetInt32(out var stopLevel) ? stopLevel : 0,
            Class = instrumentClass,
        };
    }

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    /// <summary>The named array's items; none when it is missing.</summary>
    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array
            : EmptyArray).EnumerateArray();

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetDecimal(out var number) ? number : null;
}
