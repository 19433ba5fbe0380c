using System.Buffers;
using System.Text.Json;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> as one line of JSON (no line breaks inside), newline included. Text a terminal
/// chose (the order comment) is cut to <see cref="MaxCommentLength"/> characters, and a check refused only for its
/// rate is written without the account summary, so no sender can make the trail grow faster than its message rate
/// times a few hundred bytes. Format <see cref="Version"/> adds <c>v</c> and the <c>facts</c> a replay needs
/// (<see cref="AuditFacts"/>); lines without <c>v</c> are format 1.
/// </summary>
public static class AuditLine
{
    /// <summary>MT4 keeps 31 characters of an order comment; more than twice that is never needed to identify one.</summary>
    public const int MaxCommentLength = 64;

    /// <summary>The format written: 2 adds the facts of each check.</summary>
    public const int Version = 2;

    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = true };

    public static void Write(IBufferWriter<byte> output, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("at", entry.At.UtcDateTime);
            json.WriteNumber("login", entry.Login);
            if (entry.RequestId is not null) json.WriteString("id", entry.RequestId);
            WriteOrder(json, entry.Order);
            if (IsRateLimitOnly(entry.Decision)) json.WriteBoolean("compact", true);
            else
            {
                WriteState(json, entry);
                if (entry.Check is { } check) AuditFacts.Write(json, check, entry.TierCurrency);
            }
            WriteDecision(json, entry.Decision);
            json.WriteNumber("latencyUs", Math.Round(entry.Latency.TotalMicroseconds, 1));
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    private static void WriteOrder(Utf8JsonWriter json, OrderRequest order)
    {
        json.WriteStartObject("request");
        json.WriteString("symbol", order.Symbol);
        json.WriteString("side", order.Side == Side.Buy ? "buy" : "sell");
        json.WriteString("orderType", order.OrderType.ToString().ToLowerInvariant());
        json.WriteNumber("lots", order.Lots);
        if (order.Price is { } price) json.WriteNumber("price", price);
        if (order.StopLoss is { } sl) json.WriteNumber("sl", sl);
        if (order.TakeProfit is { } tp) json.WriteNumber("tp", tp);
        json.WriteNumber("magic", order.Magic);
        if (order.Comment is { } comment)
        {
            if (comment.Length <= MaxCommentLength)
            {
                json.WriteString("comment", comment);
            }
            else
            {
                json.WriteString("comment", comment.AsSpan(0, char.IsHighSurrogate(comment[MaxCommentLength - 1]) ? MaxCommentLength - 1 : MaxCommentLength));
                json.WriteNumber("commentLength", comment.Length);
            }
        }
        json.WriteEndObject();
    }

    private static bool IsRateLimitOnly(Decision decision) =>
        decision.Reasons.Length == 1 && decision.Reasons[0].Code == ReasonCode.RateLimit;

    private static void WriteState(Utf8JsonWriter json, AuditEntry entry)
    {
        var account = entry.Account;
        json.WriteStartObject("state");
        json.WriteString("currency", account.Currency);
        json.WriteNumber("balance", account.Balance);
        json.WriteNumber("equity", account.Equity);
        json.WriteNumber("margin", account.Margin);
        json.WriteString("accountLeverage", account.Leverage.ToString());
        json.WriteNumber("positions", account.Portfolio.Count);
        json.WriteNumber("openLots", account.Portfolio.TotalLots);
        json.WriteBoolean("snapshot", entry.FromSnapshot);
        json.WriteNumber("ageMs", Math.Round(entry.StateAge.TotalMilliseconds));
        json.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter json, Decision decision)
    {
        json.WriteString("verdict", decision.Verdict.ToString().ToLowerInvariant());
        json.WriteNumber("lots", decision.Lots);
        json.WriteNumber("requestedLots", decision.RequestedLots);
        json.WriteStartArray("reasons");
        foreach (var reason in decision.Reasons)
        {
            json.WriteStartObject();
            json.WriteString("code", reason.Code);
            json.WriteString("message", reason.Message);
            json.WriteNumber("maxLots", reason.MaxLots);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (decision.MarginLevelAfter.IsInfinite) json.WriteNull("marginLevelAfter");
        else json.WriteNumber("marginLevelAfter", Math.Round(decision.MarginLevelAfter.Percent, 2));
        json.WriteString("leverage", decision.Leverage.ToString());
        json.WriteStartObject("tier");
        json.WriteNumber("minEquity", decision.Tier.MinEquity);
        json.WriteString("leverage", decision.Tier.Leverage.ToString());
        json.WriteEndObject();
    }
}
