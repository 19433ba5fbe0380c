using System.Collections.Immutable;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Reads the body of each service message, for clients (the simulator, tests, tools). Same conventions as
/// <see cref="ClientMessageReader"/>.
/// </summary>
internal static class ServiceMessageReader
{
    private static readonly FieldTable WelcomeFields = new(["session", "protocol", "heartbeatMs"], []);

    private static readonly FieldTable DecisionFields = new(
        ["verdict", "lots", "requestedLots", "reasons", "leverage", "tier", "marginLevelAfter"], []);

    private static readonly FieldTable SuggestionFields = new(["lots", "riskLots", "lossPerLot", "riskAmount", "reasons"], []);

    private static readonly FieldTable ReasonFields = new(["code", "message", "maxLots"], []);

    private static readonly FieldTable TierFields = new(["minEquity", "leverage"], []);

    private static readonly FieldTable ErrorFields = new(["code", "message"], []);

    private static readonly FieldTable WarningFields = new(["code", "severity", "message", "details"], []);

    private static readonly FieldTable InstructionFields = new(["action", "ticket", "lots"], []);

    private static readonly FieldTable NoFields = new([], []);

    private static readonly ItemReader<WireReason> ReasonItem = Reason;

    public static ServiceMessage? Read(string type, string? id, ref Utf8JsonReader reader, ref string? problem)
    {
        if (id is null && type is WireMessageType.Decision or WireMessageType.Ack or WireMessageType.Suggestion)
        {
            problem = $"id is required for {type}";
            return null;
        }
        return type switch
        {
            WireMessageType.Welcome => Welcome(ref reader, id, ref problem),
            WireMessageType.Decision => Decision(ref reader, id, ref problem),
            WireMessageType.Ack => Ack(ref reader, id, ref problem),
            WireMessageType.Error => Error(ref reader, id, ref problem),
            WireMessageType.Warning => Warning(ref reader, id, ref problem),
            WireMessageType.Instruction => Instruction(ref reader, id, ref problem),
            WireMessageType.Suggestion => Suggestion(ref reader, id, ref problem),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a service message type."),
        };
    }

    private static WelcomeMessage? Welcome(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        var scope = FieldScope.Root;
        var session = "";
        int protocol = 0, heartbeatMs = 0;
        ulong seen = 0;
        while (WelcomeFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.String(ref reader, scope, "session", allowEmpty: false, out session, ref problem),
                1 => JsonValue.Int(ref reader, scope, "protocol", 1, int.MaxValue, out protocol, ref problem),
                _ => JsonValue.Int(ref reader, scope, "heartbeatMs", 1, int.MaxValue, out heartbeatMs, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !WelcomeFields.HasRequired(scope, seen, ref problem)) return null;
        return new WelcomeMessage(session, heartbeatMs) { Id = id, Protocol = protocol };
    }

    private static DecisionMessage? Decision(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        var scope = FieldScope.Root;
        var verdict = WireVerdict.Reject;
        decimal lots = 0m, requestedLots = 0m;
        decimal? marginLevelAfter = null;
        ImmutableArray<WireReason> reasons = [];
        var leverage = WireLeverage.Unlimited;
        WireTier tier = default;
        ulong seen = 0;
        while (DecisionFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Choice(ref reader, scope, "verdict", WireChoices.Verdict, out verdict, ref problem),
                1 => JsonValue.Decimal(ref reader, scope, "lots", Bound.NonNegative, out lots, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "requestedLots", Bound.NonNegative, out requestedLots, ref problem),
                3 => JsonValue.Array(ref reader, "reasons", ReasonItem, out reasons, ref problem),
                4 => JsonValue.LeverageValue(ref reader, scope, "leverage", out leverage, ref problem),
                5 => Tier(ref reader, out tier, ref problem),
                _ => JsonValue.OptionalDecimal(ref reader, scope, "marginLevelAfter", Bound.Any, out marginLevelAfter, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !DecisionFields.HasRequired(scope, seen, ref problem)) return null;
        return new DecisionMessage(verdict, lots, requestedLots, reasons, marginLevelAfter, leverage, tier) { Id = id };
    }

    private static SuggestionMessage? Suggestion(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        var scope = FieldScope.Root;
        decimal lots = 0m, riskLots = 0m, lossPerLot = 0m, riskAmount = 0m;
        ImmutableArray<WireReason> reasons = [];
        ulong seen = 0;
        while (SuggestionFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Decimal(ref reader, scope, "lots", Bound.NonNegative, out lots, ref problem),
                1 => JsonValue.Decimal(ref reader, scope, "riskLots", Bound.NonNegative, out riskLots, ref problem),
                2 => JsonValue.Decimal(ref reader, scope, "lossPerLot", Bound.NonNegative, out lossPerLot, ref problem),
                3 => JsonValue.Decimal(ref reader, scope, "riskAmount", Bound.NonNegative, out riskAmount, ref problem),
                _ => JsonValue.Array(ref reader, "reasons", ReasonItem, out reasons, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !SuggestionFields.HasRequired(scope, seen, ref problem)) return null;
        return new SuggestionMessage(lots, riskLots, lossPerLot, riskAmount, reasons) { Id = id };
    }

    private static WireReason? Reason(ref Utf8JsonReader reader, FieldScope scope, ref string? problem)
    {
        string code = "", message = "";
        var maxLots = 0m;
        ulong seen = 0;
        while (ReasonFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.String(ref reader, scope, "code", allowEmpty: false, out code, ref problem),
                1 => JsonValue.String(ref reader, scope, "message", allowEmpty: true, out message, ref problem),
                _ => JsonValue.Decimal(ref reader, scope, "maxLots", Bound.NonNegative, out maxLots, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !ReasonFields.HasRequired(scope, seen, ref problem)) return null;
        return new WireReason(code, message, maxLots);
    }

    private static bool Tier(ref Utf8JsonReader reader, out WireTier tier, ref string? problem)
    {
        tier = default;
        if (!JsonValue.ExpectObject(ref reader, FieldScope.Root, "tier", ref problem)) return false;
        var scope = new FieldScope("tier");
        var minEquity = 0m;
        var leverage = WireLeverage.Unlimited;
        ulong seen = 0;
        while (TierFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Decimal(ref reader, scope, "minEquity", Bound.Any, out minEquity, ref problem),
                _ => JsonValue.LeverageValue(ref reader, scope, "leverage", out leverage, ref problem),
            };
            if (!ok) return false;
        }
        if (problem is not null || !TierFields.HasRequired(scope, seen, ref problem)) return false;
        tier = new WireTier(minEquity, leverage);
        return true;
    }

    private static AckMessage? Ack(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        ulong seen = 0;
        while (NoFields.Next(ref reader, FieldScope.Root, ref seen, out _, ref problem))
        {
            // No fields to read; unknown ones are skipped.
        }
        return new AckMessage { Id = id };
    }

    private static WireError? Error(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        var scope = FieldScope.Root;
        string code = "", message = "";
        ulong seen = 0;
        while (ErrorFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.String(ref reader, scope, "code", allowEmpty: false, out code, ref problem),
                _ => JsonValue.String(ref reader, scope, "message", allowEmpty: true, out message, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !ErrorFields.HasRequired(scope, seen, ref problem)) return null;
        return new WireError(code, message) { Id = id };
    }

    private static WarningMessage? Warning(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        var scope = FieldScope.Root;
        string code = "", message = "";
        var severity = WarningSeverity.Info;
        ImmutableArray<WarningDetail> details = [];
        ulong seen = 0;
        while (WarningFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.String(ref reader, scope, "code", allowEmpty: false, out code, ref problem),
                1 => JsonValue.Choice(ref reader, scope, "severity", WireChoices.Severity, out severity, ref problem),
                2 => JsonValue.String(ref reader, scope, "message", allowEmpty: true, out message, ref problem),
                _ => Details(ref reader, out details, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !WarningFields.HasRequired(scope, seen, ref problem)) return null;
        return new WarningMessage(code, severity, message, details) { Id = id };
    }

    private static bool Details(ref Utf8JsonReader reader, out ImmutableArray<WarningDetail> details, ref string? problem)
    {
        details = [];
        if (!JsonValue.ExpectObject(ref reader, FieldScope.Root, "details", ref problem)) return false;
        return DetailFields(ref reader, "details", depth: 1, out details, ref problem);
    }

    // Warnings come from the service, so nesting is shallow; the bound only stops a hostile peer.
    private const int MaxDetailDepth = 8;

    /// <summary>Reads the fields of an object whose start token has been read.</summary>
    private static bool DetailFields(ref Utf8JsonReader reader, string path, int depth, out ImmutableArray<WarningDetail> fields, ref string? problem)
    {
        fields = [];
        var builder = ImmutableArray.CreateBuilder<WarningDetail>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonValue.TryGetString(ref reader, out var name) || name.Length == 0)
            {
                problem = $"{path} has a field without a usable name";
                return false;
            }
            reader.Read();
            if (!DetailValue(ref reader, path + "." + name, depth, out var value, ref problem)) return false;
            builder.Add(value switch
            {
                null => WarningDetail.Null(name),
                string text => WarningDetail.Of(name, text),
                decimal number => WarningDetail.Of(name, number),
                bool flag => WarningDetail.Of(name, flag),
                WarningObject nested => WarningDetail.Of(name, nested),
                _ => WarningDetail.Of(name, (WarningList)value),
            });
        }
        fields = builder.DrainToImmutable();
        return true;
    }

    private static bool DetailValue(ref Utf8JsonReader reader, string path, int depth, out object? value, ref string? problem)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!JsonValue.TryGetString(ref reader, out var text))
                {
                    problem = $"{path} is not valid text";
                    return false;
                }
                value = text;
                return true;
            case JsonTokenType.Number:
                if (!reader.TryGetDecimal(out var number))
                {
                    problem = $"{path} must be a number a decimal can hold";
                    return false;
                }
                value = number;
                return true;
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True;
                return true;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartObject or JsonTokenType.StartArray when depth >= MaxDetailDepth:
                problem = $"{path} is nested more than {MaxDetailDepth} levels deep";
                return false;
            case JsonTokenType.StartObject:
                if (!DetailFields(ref reader, path, depth + 1, out var fields, ref problem)) return false;
                value = new WarningObject(fields);
                return true;
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<object?>();
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!DetailValue(ref reader, $"{path}[{index++}]", depth + 1, out var item, ref problem)) return false;
                    items.Add(item);
                }
                value = new WarningList(items.DrainToImmutable());
                return true;
            default:
                problem = $"{path} must be a string, a number, a boolean, null, an object or a list, not {JsonValue.Describe(ref reader)}";
                return false;
        }
    }

    private static InstructionMessage? Instruction(ref Utf8JsonReader reader, string? id, ref string? problem)
    {
        var scope = FieldScope.Root;
        var action = InstructionAction.Close;
        long ticket = 0;
        var lots = 0m;
        ulong seen = 0;
        while (InstructionFields.Next(ref reader, scope, ref seen, out var field, ref problem))
        {
            var ok = field switch
            {
                0 => JsonValue.Choice(ref reader, scope, "action", WireChoices.Action, out action, ref problem),
                1 => JsonValue.Long(ref reader, scope, "ticket", 1, out ticket, ref problem),
                _ => JsonValue.Decimal(ref reader, scope, "lots", Bound.Positive, out lots, ref problem),
            };
            if (!ok) return null;
        }
        if (problem is not null || !InstructionFields.HasRequired(scope, seen, ref problem)) return null;
        return new InstructionMessage(action, ticket, lots) { Id = id };
    }
}
