using System.Collections.Immutable;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Reads the body of each client message from a reader on the frame's opening brace. Each returns null with
/// <c>problem</c> naming the field when the body is bad. The frame is already known to be well-formed JSON.
/// </summary>
internal static class ClientMessageReader
{
    private static readonly FieldTable HelloFields = new(
        ["account", "server", "currency", "leverage", "marginCallLevel", "stopOutLevel", "stopOutMode"],
        ["company", "client", "token"]);

    private static readonly FieldTable AccountFields = new(
        ["balance", "equity", "margin", "freeMargin", "leverage", "time"], ["closedTrades", "closedLots"]);

    private static readonly FieldTable SymbolFields = new(
        ["symbol", "digits", "point", "contractSize", "tickSize", "tickValue", "minLot", "maxLot", "lotStep",
         "marginCalcMode", "marginInit", "marginHedged", "baseCurrency", "profitCurrency", "marginCurrency", "stopLevel"],
        ["marginRequired"]);

    private static readonly FieldTable TickFields = new(["symbol", "bid", "ask", "time"], []);

    private static readonly FieldTable TicksFields = new(["ticks"], []);

    private static readonly FieldTable PositionsFields = new(["positions"], []);

    private static readonly FieldTable PositionFields = new(
        ["ticket", "symbol", "side", "lots", "openPrice"],
        ["sl", "tp", "profit", "swap", "commission", "openTime", "magic"]);

    private static readonly FieldTable CheckFields = new(
        ["symbol", "side", "lots"],
        ["orderType", "price", "sl", "tp", "magic", "comment", "snapshot"]);

    private static readonly FieldTable SizeFields = new(["symbol", "side", "sl", "riskPercent"], ["snapshot"]);

    private static readonly FieldTable SnapshotFields = new(["balance", "equity", "margin", "positions"], []);

    private static readonly FieldTable NoFields = new([], []);

    private static readonly ItemReader<WirePosition> PositionItem = Position;

    private static readonly ItemReader<WireTick> TickItem = Tick;

    /// <summary>
    /// Reads the body of the message <paramref name="envelope"/> names, the reader on the frame's opening brace or,
    /// in the single pass, on the value of the type field.
    /// </summary>
    public static ClientMessage? Read(ref FrameEnvelope envelope, ref Utf8JsonReader reader, ref string? problem) => envelope.Type switch
    {
        WireMessageType.Tick => Tick(ref reader, ref envelope, ref problem),
        WireMessageType.Check => Check(ref reader, ref envelope, ref problem),
        WireMessageType.Ticks => Ticks(ref reader, ref envelope, ref problem),
        WireMessageType.Account => Account(ref reader, ref envelope, ref problem),
        WireMessageType.Positions => Positions(ref reader, ref envelope, ref problem),
        WireMessageType.Heartbeat => Heartbeat(ref reader, ref envelope, ref problem),
        WireMessageType.Hello => Hello(ref reader, ref envelope, ref problem),
        WireMessageType.Symbol => Symbol(ref reader, ref envelope, ref problem),
        WireMessageType.Size => Size(ref reader, ref envelope, ref problem),
        _ => throw new ArgumentOutOfRangeException(nameof(envelope), envelope.Type, "Not a client message type."),
    };

    private static HelloMessage? Hello(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        var scope = FieldScope.Root;
        long account = 0;
        string server = "", currency = "";
        string? company = null, client = null, token = null;
        var leverage = WireLeverage.Unlimited;
        decimal marginCallLevel = 0m, stopOutLevel = 0m;
        var stopOutMode = WireStopOutMode.Percent;
        ulong seen = 0;
        while (HelloFields.Next(ref reader, scope, ref envelope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Long(ref reader, scope, "account", 1, out account, ref problem),
                1 => JsonValue.String(ref reader, scope, "server", allowEmpty: false, out server, ref problem),
                2 => JsonValue.String(ref reader, scope, "currency", allowEmpty: false, out currency, ref problem),
                3 => JsonValue.AccountLeverage(ref reader, scope, "leverage", out leverage, ref problem),
                4 => JsonValue.Decimal(ref reader, scope, "marginCallLevel", Bound.NonNegative, out marginCallLevel, ref problem),
                5 => JsonValue.Decimal(ref reader, scope, "stopOutLevel", Bound.NonNegative, out stopOutLevel, ref problem),
                6 => JsonValue.Choice(ref reader, scope, "stopOutMode", WireChoices.StopOutMode, out stopOutMode, ref problem),
                7 => JsonValue.OptionalString(ref reader, scope, "company", out company, ref problem),
                8 => JsonValue.OptionalString(ref reader, scope, "client", out client, ref problem),
                _ => JsonValue.OptionalString(ref reader, scope, "token", out token, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !HelloFields.HasRequired(scope, seen, ref problem)) return null;
        return new HelloMessage(account, server, currency, leverage, marginCallLevel, stopOutLevel, stopOutMode, company ?? "", client ?? "", token) { Id = envelope.Id };
    }

    private static AccountMessage? Account(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        var scope = FieldScope.Root;
        decimal balance = 0m, equity = 0m, margin = 0m, freeMargin = 0m;
        var leverage = WireLeverage.Unlimited;
        long time = 0;
        int? closedTrades = null;
        decimal? closedLots = null;
        ulong seen = 0;
        while (AccountFields.Next(ref reader, scope, ref envelope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Decimal(ref reader, scope, "balance", Bound.Any, out balance, ref problem),
                1 => JsonValue.Decimal(ref reader, scope, "equity", Bound.Any, out equity, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "margin", Bound.NonNegative, out margin, ref problem),
                3 => JsonValue.Decimal(ref reader, scope, "freeMargin", Bound.Any, out freeMargin, ref problem),
                4 => JsonValue.AccountLeverage(ref reader, scope, "leverage", out leverage, ref problem),
                5 => JsonValue.Long(ref reader, scope, "time", 0, out time, ref problem),
                6 => ReadClosedTrades(ref reader, scope, ref closedTrades, ref problem),
                _ => JsonValue.OptionalDecimal(ref reader, scope, "closedLots", Bound.NonNegative, out closedLots, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !AccountFields.HasRequired(scope, seen, ref problem)) return null;
        return new AccountMessage(balance, equity, margin, freeMargin, leverage, time)
        {
            Id = envelope.Id,
            ClosedTrades = closedTrades,
            ClosedLots = closedLots,
        };
    }

    private static bool ReadClosedTrades(ref Utf8JsonReader reader, FieldScope scope, ref int? closedTrades, ref string? problem)
    {
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!JsonValue.Int(ref reader, scope, "closedTrades", 0, int.MaxValue, out var count, ref problem)) return false;
        closedTrades = count;
        return true;
    }

    private static SymbolMessage? Symbol(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        var scope = FieldScope.Root;
        string symbol = "", baseCurrency = "", profitCurrency = "", marginCurrency = "";
        int digits = 0, marginCalcMode = 0, stopLevel = 0;
        decimal point = 0m, contractSize = 0m, tickSize = 0m, tickValue = 0m, minLot = 0m, maxLot = 0m, lotStep = 0m;
        decimal marginInit = 0m, marginHedged = 0m;
        decimal? marginRequired = null;
        ulong seen = 0;
        while (SymbolFields.Next(ref reader, scope, ref envelope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Symbol(ref reader, scope, "symbol", out symbol, ref problem),
                1 => JsonValue.Int(ref reader, scope, "digits", 0, 15, out digits, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "point", Bound.Positive, out point, ref problem),
                3 => JsonValue.Decimal(ref reader, scope, "contractSize", Bound.Positive, out contractSize, ref problem),
                4 => JsonValue.Decimal(ref reader, scope, "tickSize", Bound.Positive, out tickSize, ref problem),
                5 => JsonValue.Decimal(ref reader, scope, "tickValue", Bound.Positive, out tickValue, ref problem),
                6 => JsonValue.Decimal(ref reader, scope, "minLot", Bound.Positive, out minLot, ref problem),
                7 => JsonValue.Decimal(ref reader, scope, "maxLot", Bound.Positive, out maxLot, ref problem),
                8 => JsonValue.Decimal(ref reader, scope, "lotStep", Bound.Positive, out lotStep, ref problem),
                9 => JsonValue.Int(ref reader, scope, "marginCalcMode", 0, 4, out marginCalcMode, ref problem),
                10 => JsonValue.Decimal(ref reader, scope, "marginInit", Bound.NonNegative, out marginInit, ref problem),
                11 => JsonValue.Decimal(ref reader, scope, "marginHedged", Bound.NonNegative, out marginHedged, ref problem),
                12 => JsonValue.String(ref reader, scope, "baseCurrency", allowEmpty: false, out baseCurrency, ref problem),
                13 => JsonValue.String(ref reader, scope, "profitCurrency", allowEmpty: false, out profitCurrency, ref problem),
                14 => JsonValue.String(ref reader, scope, "marginCurrency", allowEmpty: false, out marginCurrency, ref problem),
                15 => JsonValue.Int(ref reader, scope, "stopLevel", 0, int.MaxValue, out stopLevel, ref problem),
                _ => JsonValue.OptionalDecimal(ref reader, scope, "marginRequired", Bound.NonNegative, out marginRequired, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !SymbolFields.HasRequired(scope, seen, ref problem)) return null;
        if (maxLot < minLot)
        {
            problem = "maxLot must be >= minLot";
            return null;
        }
        return new SymbolMessage(
            symbol, digits, point, contractSize, tickSize, tickValue, minLot, maxLot, lotStep, (WireMarginCalcMode)marginCalcMode,
            marginInit, marginHedged, baseCurrency, profitCurrency, marginCurrency, stopLevel, marginRequired)
        { Id = envelope.Id };
    }

    private static TickMessage? Tick(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        if (!Tick(ref reader, FieldScope.Root, ref envelope, out var symbol, out var bid, out var ask, out var time, ref problem)) return null;
        return new TickMessage(symbol, bid, ask, time) { Id = envelope.Id };
    }

    private static WireTick? Tick(ref Utf8JsonReader reader, FieldScope scope, ref string? problem)
    {
        var none = default(FrameEnvelope);
        if (!Tick(ref reader, scope, ref none, out var symbol, out var bid, out var ask, out var time, ref problem)) return null;
        return new WireTick(symbol, bid, ask, time);
    }

    private static bool Tick(
        ref Utf8JsonReader reader, FieldScope scope, ref FrameEnvelope envelope, out string symbol, out decimal bid, out decimal ask, out long time, ref string? problem)
    {
        symbol = "";
        bid = 0m;
        ask = 0m;
        time = 0;
        ulong seen = 0;
        while (TickFields.Next(ref reader, scope, ref envelope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Symbol(ref reader, scope, "symbol", out symbol, ref problem),
                1 => JsonValue.Decimal(ref reader, scope, "bid", Bound.Positive, out bid, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "ask", Bound.Positive, out ask, ref problem),
                _ => JsonValue.Long(ref reader, scope, "time", 0, out time, ref problem),
            };
            if (!ok) return false;
        }
        if (problem is not null || !TickFields.HasRequired(scope, seen, ref problem)) return false;
        if (ask < bid)
        {
            problem = scope.PathOf("ask") + " must be >= bid";
            return false;
        }
        return true;
    }

    private static TicksMessage? Ticks(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        var scope = FieldScope.Root;
        ImmutableArray<WireTick> ticks = [];
        ulong seen = 0;
        while (TicksFields.Next(ref reader, scope, ref envelope, ref seen, out _, ref problem))
        {
            if (!JsonValue.Array(ref reader, "ticks", TickItem, out ticks, ref problem)) return null;
        }
        if (problem is not null || !TicksFields.HasRequired(scope, seen, ref problem)) return null;
        return new TicksMessage(ticks) { Id = envelope.Id };
    }

    private static PositionsMessage? Positions(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        var scope = FieldScope.Root;
        ImmutableArray<WirePosition> positions = [];
        ulong seen = 0;
        while (PositionsFields.Next(ref reader, scope, ref envelope, ref seen, out _, ref problem))
        {
            if (!JsonValue.Array(ref reader, "positions", PositionItem, out positions, ref problem)) return null;
        }
        if (problem is not null || !PositionsFields.HasRequired(scope, seen, ref problem)) return null;
        return new PositionsMessage(positions) { Id = envelope.Id };
    }

    private static WirePosition? Position(ref Utf8JsonReader reader, FieldScope scope, ref string? problem)
    {
        long ticket = 0;
        long? openTime = null, magic = null;
        var symbol = "";
        var side = WireSide.Buy;
        decimal lots = 0m, openPrice = 0m;
        decimal? sl = null, tp = null, profit = null, swap = null, commission = null;
        ulong seen = 0;
        while (PositionFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Long(ref reader, scope, "ticket", 1, out ticket, ref problem),
                1 => JsonValue.Symbol(ref reader, scope, "symbol", out symbol, ref problem),
                2 => JsonValue.Choice(ref reader, scope, "side", WireChoices.Side, out side, ref problem),
                3 => JsonValue.Decimal(ref reader, scope, "lots", Bound.Positive, out lots, ref problem),
                4 => JsonValue.Decimal(ref reader, scope, "openPrice", Bound.Positive, out openPrice, ref problem),
                5 => JsonValue.OptionalDecimal(ref reader, scope, "sl", Bound.NonNegative, out sl, ref problem),
                6 => JsonValue.OptionalDecimal(ref reader, scope, "tp", Bound.NonNegative, out tp, ref problem),
                7 => JsonValue.OptionalDecimal(ref reader, scope, "profit", Bound.Any, out profit, ref problem),
                8 => JsonValue.OptionalDecimal(ref reader, scope, "swap", Bound.Any, out swap, ref problem),
                9 => JsonValue.OptionalDecimal(ref reader, scope, "commission", Bound.Any, out commission, ref problem),
                10 => JsonValue.OptionalLong(ref reader, scope, "openTime", 0, out openTime, ref problem),
                _ => JsonValue.OptionalLong(ref reader, scope, "magic", long.MinValue, out magic, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !PositionFields.HasRequired(scope, seen, ref problem)) return null;
        return new WirePosition(
            ticket, symbol, side, lots, openPrice, sl ?? 0m, tp ?? 0m, profit ?? 0m, swap ?? 0m, commission ?? 0m, openTime ?? 0, magic ?? 0);
    }

    private static CheckMessage? Check(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        // The careful pass knows the id up front and reports it first; the single pass may meet it last.
        if (envelope.Id is null && !envelope.InOnePass)
        {
            problem = "id is required for check";
            return null;
        }
        var scope = FieldScope.Root;
        var symbol = "";
        var side = WireSide.Buy;
        WireOrderType? orderType = null;
        var lots = 0m;
        decimal? price = null, sl = null, tp = null;
        long? magic = null;
        string? comment = null;
        CheckSnapshot? snapshot = null;
        ulong seen = 0;
        while (CheckFields.Next(ref reader, scope, ref envelope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Symbol(ref reader, scope, "symbol", out symbol, ref problem),
                1 => JsonValue.Choice(ref reader, scope, "side", WireChoices.Side, out side, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "lots", Bound.Positive, out lots, ref problem),
                3 => JsonValue.OptionalChoice(ref reader, scope, "orderType", WireChoices.OrderType, out orderType, ref problem),
                4 => JsonValue.OptionalDecimal(ref reader, scope, "price", Bound.Positive, out price, ref problem),
                5 => JsonValue.OptionalDecimal(ref reader, scope, "sl", Bound.NonNegative, out sl, ref problem),
                6 => JsonValue.OptionalDecimal(ref reader, scope, "tp", Bound.NonNegative, out tp, ref problem),
                7 => JsonValue.OptionalLong(ref reader, scope, "magic", long.MinValue, out magic, ref problem),
                8 => JsonValue.OptionalString(ref reader, scope, "comment", out comment, ref problem),
                _ => Snapshot(ref reader, out snapshot, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !CheckFields.HasRequired(scope, seen, ref problem)) return null;
        if (envelope.Id is null)
        {
            problem = "id is required for check";
            return null;
        }
        var type = orderType ?? WireOrderType.Market;
        if (type != WireOrderType.Market && price is null)
        {
            problem = $"price is required for {WireNames.Of(type)} orders";
            return null;
        }
        return new CheckMessage(symbol, side, lots, type, price, sl, tp, magic ?? 0, comment, snapshot) { Id = envelope.Id };
    }

    private static SizeMessage? Size(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        // As for a check: the suggestion is matched to the id, so there is no size without one.
        if (envelope.Id is null && !envelope.InOnePass)
        {
            problem = "id is required for size";
            return null;
        }
        var scope = FieldScope.Root;
        var symbol = "";
        var side = WireSide.Buy;
        decimal sl = 0m, riskPercent = 0m;
        CheckSnapshot? snapshot = null;
        ulong seen = 0;
        while (SizeFields.Next(ref reader, scope, ref envelope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Symbol(ref reader, scope, "symbol", out symbol, ref problem),
                1 => JsonValue.Choice(ref reader, scope, "side", WireChoices.Side, out side, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "sl", Bound.Positive, out sl, ref problem),
                3 => JsonValue.Decimal(ref reader, scope, "riskPercent", Bound.Positive, out riskPercent, ref problem),
                _ => Snapshot(ref reader, out snapshot, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !SizeFields.HasRequired(scope, seen, ref problem)) return null;
        if (envelope.Id is null)
        {
            problem = "id is required for size";
            return null;
        }
        if (riskPercent > 100m)
        {
            problem = "riskPercent must be <= 100";
            return null;
        }
        return new SizeMessage(symbol, side, sl, riskPercent, snapshot) { Id = envelope.Id };
    }

    private static bool Snapshot(ref Utf8JsonReader reader, out CheckSnapshot? snapshot, ref string? problem)
    {
        snapshot = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (!JsonValue.ExpectObject(ref reader, FieldScope.Root, "snapshot", ref problem)) return false;
        var scope = new FieldScope("snapshot");
        decimal balance = 0m, equity = 0m, margin = 0m;
        ImmutableArray<WirePosition> positions = [];
        ulong seen = 0;
        while (SnapshotFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Decimal(ref reader, scope, "balance", Bound.Any, out balance, ref problem),
                1 => JsonValue.Decimal(ref reader, scope, "equity", Bound.Any, out equity, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "margin", Bound.NonNegative, out margin, ref problem),
                _ => JsonValue.Array(ref reader, "snapshot.positions", PositionItem, out positions, ref problem),
            };
            if (!ok) return false;
        }
        if (problem is not null || !SnapshotFields.HasRequired(scope, seen, ref problem)) return false;
        snapshot = new CheckSnapshot(balance, equity, margin, positions);
        return true;
    }

    private static HeartbeatMessage? Heartbeat(ref Utf8JsonReader reader, ref FrameEnvelope envelope, ref string? problem)
    {
        ulong seen = 0;
        while (NoFields.Next(ref reader, FieldScope.Root, ref envelope, ref seen, out _, ref problem))
        {
            // No fields to read; unknown ones are skipped.
        }
        return problem is null ? new HeartbeatMessage { Id = envelope.Id } : null;
    }
}
