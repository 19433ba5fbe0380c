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

    private static readonly byte[] KeepAliveComment = ": keep-alive\n\n"u8.ToArray();

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

    /// <summary>The newest matching decisions, newest first; only those looked at are turned into views.</summary>
    private static List<DecisionView> Decisions(LiveFeed feed, long after, long? account, string? verdict, string? reason, string? symbol, int limit) =>
        [.. feed.Decisions.NewestFirst(after, feed.Decisions.Last).Select(DecisionView.From).Where(d => d.Matches(account, verdict, reason, symbol)).Take(limit)];

    /// <summary>
    /// Server-sent events: <c>accounts</c> (every row) whenever a row changes, <c>decision</c> for each new decision
    /// (the newest <see cref="DecisionBatch.MaxDecisions"/> of each pass), and a comment every <see cref="KeepAlive"/>
    /// so proxies keep the stream open. The events are the bytes <see cref="LiveBoard"/> serialized once for every
    /// stream; a stream's first pass, or one after it fell a pass behind, serializes its own.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, LiveBoard board, LiveFeed feed, IOptions<JsonOptions> json)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var stopping = context.RequestAborted;
        var sentVersion = -1L;
        // Decisions from now on: the page fetched the earlier ones itself, and would list one sent twice twice.
        var sentDecision = feed.Decisions.Last;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // Taken before the writes, so a pass that lands meanwhile wakes the next round at once.
                var changed = board.Changed;
                var rows = board.Rows;
                if (rows.Version != sentVersion)
                {
                    await response.Body.WriteAsync(rows.Event, stopping).ConfigureAwait(false);
                    sentVersion = rows.Version;
                }
                var batch = board.Decisions;
                if (batch.Last > sentDecision)
                {
                    var events = batch.After == sentDecision ? batch : DecisionBatch.Build(feed.Decisions, sentDecision, batch.Last, json.Value.SerializerOptions);
                    await response.Body.WriteAsync(events.Events, stopping).ConfigureAwait(false);
                    sentDecision = batch.Last;
                }
                await response.Body.FlushAsync(stopping).ConfigureAwait(false);
                try
                {
                    // WaitAsync drops its timer when the pass comes first: no timer left behind per wake.
                    await changed.WaitAsync(KeepAlive, stopping).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await response.Body.WriteAsync(KeepAliveComment, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }
}
