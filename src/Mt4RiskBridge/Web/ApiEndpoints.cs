using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Web;

/// <summary>The read side of the API: accounts, one account, decisions, settings, and the server-sent event stream.</summary>
internal static class ApiEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/accounts", (LiveBoard board) => Results.Bytes(board.Rows.Json, "application/json"));
        app.MapGet("/api/accounts/{login:long}", (long login, AccountBook accounts, AccountReadModel model, LiveBoard board) =>
            accounts.TryGet(login, out var view)
                ? Results.Ok(model.Detail(view, board.HistoryOf(login)))
                : Results.NotFound(new ApiError($"account {login} is not connected")));
        app.MapGet("/api/decisions", (LiveFeed feed, long? account, string? verdict, string? reason, string? symbol, int? limit) =>
            Results.Ok(Decisions(feed, 0, account, verdict, reason, symbol, Math.Clamp(limit ?? 200, 1, 2000))));
        app.MapGet("/api/settings", (SettingsView settings) => Results.Ok(new { settings.LoadedAt, settings.ReloadedAt, Refused = settings.Refused is { } r ? new { r.At, Why = r.Refused } : null, Values = settings.Values() }));
        app.MapGet("/api/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new { tokens.HeaderName, Token = tokens.RequestToken });
        });
        app.MapGet("/api/events", StreamAsync);
    }

    private static List<DecisionView> Decisions(LiveFeed feed, long after, long? account, string? verdict, string? reason, string? symbol, int limit) =>
        [.. feed.Decisions.Since(after).Select(DecisionView.From).Where(d => d.Matches(account, verdict, reason, symbol)).TakeLast(limit).Reverse()];

    /// <summary>
    /// Server-sent events: <c>accounts</c> (every row) whenever a row changes, <c>decision</c> for each new decision,
    /// and a comment every <see cref="KeepAlive"/> so proxies keep the stream open.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, LiveBoard board, LiveFeed feed, IOptions<JsonOptions> json)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var stopping = context.RequestAborted;
        var sentVersion = -1L;
        var sentDecision = feed.Decisions.Last;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var rows = board.Rows;
                if (rows.Version != sentVersion)
                {
                    await WriteEventAsync(response, "accounts", rows.Json, stopping).ConfigureAwait(false);
                    sentVersion = rows.Version;
                }
                foreach (var decision in feed.Decisions.Since(sentDecision).TakeLast(200))
                {
                    await WriteEventAsync(response, "decision", JsonSerializer.SerializeToUtf8Bytes(DecisionView.From(decision), json.Value.SerializerOptions), stopping).ConfigureAwait(false);
                    sentDecision = decision.Seq;
                }
                await response.Body.FlushAsync(stopping).ConfigureAwait(false);
                var changed = board.Changed;
                if (await Task.WhenAny(changed, Task.Delay(KeepAlive, stopping)).ConfigureAwait(false) != changed)
                    await response.Body.WriteAsync(": keep-alive\n\n"u8.ToArray(), stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] data, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes("event: " + name + "\ndata: "), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
