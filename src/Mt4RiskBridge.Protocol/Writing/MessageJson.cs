using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>Writes each message as one JSON object: "v", "type", "id" when present, then the fields in documented order.</summary>
internal static class MessageJson
{
    public static void Write(Utf8JsonWriter json, WireMessage message)
    {
        switch (message)
        {
            case HelloMessage m: Hello(json, m); break;
            case AccountMessage m: Account(json, m); break;
            case SymbolMessage m: Symbol(json, m); break;
            case TickMessage m: Tick(json, m); break;
            case TicksMessage m: Ticks(json, m); break;
            case PositionsMessage m: Positions(json, m); break;
            case CheckMessage m: Check(json, m); break;
            case SizeMessage m: Size(json, m); break;
            case HeartbeatMessage m: Empty(json, m); break;
            case WelcomeMessage m: Welcome(json, m); break;
            case DecisionMessage m:
                Decision(json, new DecisionFrame<MessageReasons>(
                    m.Id, m.Verdict, m.Lots, m.RequestedLots, new MessageReasons(m.Reasons), m.MarginLevelAfter, m.Leverage, m.Tier));
                break;
            case AckMessage m: Empty(json, m); break;
            case WireError m: Error(json, m); break;
            case WarningMessage m: Warning(json, m); break;
            case InstructionMessage m: Instruction(json, m); break;
            case SuggestionMessage m: Suggestion(json, m); break;
            default: throw new ArgumentException($"No writer for {message.GetType().Name}.", nameof(message));
        }
    }

    public static void Decision<TReasons>(Utf8JsonWriter json, in DecisionFrame<TReasons> frame)
        where TReasons : IDecisionReasons
    {
        Start(json, WireMessageType.Decision, frame.Id);
        json.WriteString("verdict"u8, WireNames.Of(frame.Verdict));
        json.WriteNumber("lots"u8, frame.Lots);
        json.WriteNumber("requestedLots"u8, frame.RequestedLots);
        Reasons(json, frame.Reasons);
        if (frame.MarginLevelAfter is { } level) json.WriteNumber("marginLevelAfter"u8, level);
        else json.WriteNull("marginLevelAfter"u8);
        WriteLeverage(json, "leverage"u8, frame.Leverage);
        json.WriteStartObject("tier"u8);
        json.WriteNumber("minEquity"u8, frame.Tier.MinEquity);
        WriteLeverage(json, "leverage"u8, frame.Tier.Leverage);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Suggestion(Utf8JsonWriter json, SuggestionMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteNumber("lots"u8, m.Lots);
        json.WriteNumber("riskLots"u8, m.RiskLots);
        json.WriteNumber("lossPerLot"u8, m.LossPerLot);
        json.WriteNumber("riskAmount"u8, m.RiskAmount);
        Reasons(json, new MessageReasons(m.Reasons));
        json.WriteEndObject();
    }

    private static void Reasons<TReasons>(Utf8JsonWriter json, TReasons reasons)
        where TReasons : IDecisionReasons
    {
        json.WriteStartArray("reasons"u8);
        for (var i = 0; i < reasons.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("code"u8, reasons.Code(i));
            json.WriteString("message"u8, reasons.Message(i));
            json.WriteNumber("maxLots"u8, reasons.MaxLots(i));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Start(Utf8JsonWriter json, string type, string? id)
    {
        json.WriteStartObject();
        json.WriteNumber("v"u8, WireProtocol.Version);
        json.WriteString("type"u8, type);
        if (id is not null) json.WriteString("id"u8, id);
    }

    private static void Empty(Utf8JsonWriter json, WireMessage message)
    {
        Start(json, message.Type, message.Id);
        json.WriteEndObject();
    }

    private static void Hello(Utf8JsonWriter json, HelloMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteNumber("account"u8, m.Account);
        json.WriteString("server"u8, m.Server);
        json.WriteString("company"u8, m.Company);
        json.WriteString("currency"u8, m.Currency);
        WriteAccountLeverage(json, m.Leverage);
        json.WriteNumber("marginCallLevel"u8, m.MarginCallLevel);
        json.WriteNumber("stopOutLevel"u8, m.StopOutLevel);
        json.WriteString("stopOutMode"u8, WireNames.Of(m.StopOutMode));
        json.WriteString("client"u8, m.Client);
        if (m.Token is not null) json.WriteString("token"u8, m.Token);
        json.WriteEndObject();
    }

    private static void Account(Utf8JsonWriter json, AccountMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteNumber("balance"u8, m.Balance);
        json.WriteNumber("equity"u8, m.Equity);
        json.WriteNumber("margin"u8, m.Margin);
        json.WriteNumber("freeMargin"u8, m.FreeMargin);
        WriteAccountLeverage(json, m.Leverage);
        json.WriteNumber("time"u8, m.Time);
        if (m.ClosedTrades is { } trades) json.WriteNumber("closedTrades"u8, trades);
        if (m.ClosedLots is { } lots) json.WriteNumber("closedLots"u8, lots);
        json.WriteEndObject();
    }

    private static void Symbol(Utf8JsonWriter json, SymbolMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("symbol"u8, m.Symbol);
        json.WriteNumber("digits"u8, m.Digits);
        json.WriteNumber("point"u8, m.Point);
        json.WriteNumber("contractSize"u8, m.ContractSize);
        json.WriteNumber("tickSize"u8, m.TickSize);
        json.WriteNumber("tickValue"u8, m.TickValue);
        json.WriteNumber("minLot"u8, m.MinLot);
        json.WriteNumber("maxLot"u8, m.MaxLot);
        json.WriteNumber("lotStep"u8, m.LotStep);
        json.WriteNumber("marginCalcMode"u8, (int)m.MarginCalcMode);
        json.WriteNumber("marginInit"u8, m.MarginInit);
        json.WriteNumber("marginHedged"u8, m.MarginHedged);
        if (m.MarginRequired is { } required) json.WriteNumber("marginRequired"u8, required);
        json.WriteString("baseCurrency"u8, m.BaseCurrency);
        json.WriteString("profitCurrency"u8, m.ProfitCurrency);
        json.WriteString("marginCurrency"u8, m.MarginCurrency);
        json.WriteNumber("stopLevel"u8, m.StopLevel);
        json.WriteEndObject();
    }

    private static void Tick(Utf8JsonWriter json, TickMessage m)
    {
        Start(json, m.Type, m.Id);
        TickFields(json, m.Symbol, m.Bid, m.Ask, m.Time);
        json.WriteEndObject();
    }

    private static void Ticks(Utf8JsonWriter json, TicksMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteStartArray("ticks"u8);
        foreach (var tick in m.Ticks.AsSpan())
        {
            json.WriteStartObject();
            TickFields(json, tick.Symbol, tick.Bid, tick.Ask, tick.Time);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void TickFields(Utf8JsonWriter json, string symbol, decimal bid, decimal ask, long time)
    {
        json.WriteString("symbol"u8, symbol);
        json.WriteNumber("bid"u8, bid);
        json.WriteNumber("ask"u8, ask);
        json.WriteNumber("time"u8, time);
    }

    private static void Positions(Utf8JsonWriter json, PositionsMessage m)
    {
        Start(json, m.Type, m.Id);
        PositionList(json, m.Positions);
        json.WriteEndObject();
    }

    private static void PositionList(Utf8JsonWriter json, EquatableArray<WirePosition> positions)
    {
        json.WriteStartArray("positions"u8);
        foreach (var p in positions.AsSpan())
        {
            json.WriteStartObject();
            json.WriteNumber("ticket"u8, p.Ticket);
            json.WriteString("symbol"u8, p.Symbol);
            json.WriteString("side"u8, WireNames.Of(p.Side));
            json.WriteNumber("lots"u8, p.Lots);
            json.WriteNumber("openPrice"u8, p.OpenPrice);
            json.WriteNumber("sl"u8, p.StopLoss);
            json.WriteNumber("tp"u8, p.TakeProfit);
            json.WriteNumber("profit"u8, p.Profit);
            json.WriteNumber("swap"u8, p.Swap);
            json.WriteNumber("commission"u8, p.Commission);
            json.WriteNumber("openTime"u8, p.OpenTime);
            json.WriteNumber("magic"u8, p.Magic);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Check(Utf8JsonWriter json, CheckMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("symbol"u8, m.Symbol);
        json.WriteString("side"u8, WireNames.Of(m.Side));
        json.WriteString("orderType"u8, WireNames.Of(m.OrderType));
        json.WriteNumber("lots"u8, m.Lots);
        if (m.Price is { } price) json.WriteNumber("price"u8, price);
        if (m.StopLoss is { } sl) json.WriteNumber("sl"u8, sl);
        if (m.TakeProfit is { } tp) json.WriteNumber("tp"u8, tp);
        json.WriteNumber("magic"u8, m.Magic);
        if (m.Comment is not null) json.WriteString("comment"u8, m.Comment);
        Snapshot(json, m.Snapshot);
        json.WriteEndObject();
    }

    private static void Size(Utf8JsonWriter json, SizeMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("symbol"u8, m.Symbol);
        json.WriteString("side"u8, WireNames.Of(m.Side));
        json.WriteNumber("sl"u8, m.StopLoss);
        json.WriteNumber("riskPercent"u8, m.RiskPercent);
        Snapshot(json, m.Snapshot);
        json.WriteEndObject();
    }

    private static void Snapshot(Utf8JsonWriter json, CheckSnapshot? snapshot)
    {
        if (snapshot is null) return;
        json.WriteStartObject("snapshot"u8);
        json.WriteNumber("balance"u8, snapshot.Balance);
        json.WriteNumber("equity"u8, snapshot.Equity);
        json.WriteNumber("margin"u8, snapshot.Margin);
        PositionList(json, snapshot.Positions);
        json.WriteEndObject();
    }

    private static void Welcome(Utf8JsonWriter json, WelcomeMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("session"u8, m.Session);
        json.WriteNumber("protocol"u8, m.Protocol);
        json.WriteNumber("heartbeatMs"u8, m.HeartbeatMs);
        json.WriteEndObject();
    }

    private static void Error(Utf8JsonWriter json, WireError m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("code"u8, m.Code);
        json.WriteString("message"u8, m.Message);
        json.WriteEndObject();
    }

    private static void Warning(Utf8JsonWriter json, WarningMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("code"u8, m.Code);
        json.WriteString("severity"u8, WireNames.Of(m.Severity));
        json.WriteString("message"u8, m.Message);
        json.WritePropertyName("details"u8);
        DetailObject(json, m.Details);
        json.WriteEndObject();
    }

    private static void DetailObject(Utf8JsonWriter json, EquatableArray<WarningDetail> fields)
    {
        json.WriteStartObject();
        foreach (var detail in fields.AsSpan())
        {
            json.WritePropertyName(detail.Name);
            DetailValue(json, detail.Value);
        }
        json.WriteEndObject();
    }

    private static void DetailValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case decimal number: json.WriteNumberValue(number); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case WarningObject nested: DetailObject(json, nested.Fields); break;
            case WarningList list:
                json.WriteStartArray();
                foreach (var item in list.Items.AsSpan()) DetailValue(json, item);
                json.WriteEndArray();
                break;
            default: throw new ArgumentException($"A warning detail cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Instruction(Utf8JsonWriter json, InstructionMessage m)
    {
        Start(json, m.Type, m.Id);
        json.WriteString("action"u8, WireNames.Of(m.Action));
        json.WriteNumber("ticket"u8, m.Ticket);
        json.WriteNumber("lots"u8, m.Lots);
        json.WriteEndObject();
    }

    /// <summary>An account leverage as hello and account carry it: an integer, 0 for unlimited.</summary>
    private static void WriteAccountLeverage(Utf8JsonWriter json, WireLeverage leverage)
    {
        if (leverage.IsUnlimited) json.WriteNumber("leverage"u8, 0);
        else json.WriteNumber("leverage"u8, leverage.Ratio);
    }

    /// <summary>A leverage as decisions carry it: a number, or "unlimited".</summary>
    private static void WriteLeverage(Utf8JsonWriter json, ReadOnlySpan<byte> name, WireLeverage leverage)
    {
        if (leverage.IsUnlimited) json.WriteString(name, WireNames.Unlimited);
        else json.WriteNumber(name, leverage.Ratio);
    }
}
