using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Web;

/// <summary>
/// Operator actions over HTTP. Halts go into the account state store, the place the <c>halt</c> command has always
/// written, so the next check of the account comes back <c>trading_halted</c>. A login the service has not seen
/// may be halted too (halt before the terminal connects); the halt waits in the store.
/// </summary>
internal static partial class AdminEndpoints
{
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>How long a halt or resume waits for the socket thread to apply it before answering.</summary>
    private static readonly TimeSpan ApplyWait = TimeSpan.FromSeconds(3);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/service", (BridgeEndpoint bridge, IServer server) => Results.Ok(new ServiceInfo(
            "Mt4RiskBridge",
            typeof(AdminEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            bridge.Bound.IsCompletedSuccessfully ? bridge.Bound.Result : null,
            server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(),
            Environment.ProcessId)));
        app.MapPost("/api/accounts/{login:long}/halt", HaltAsync).DisableAntiforgery();
        app.MapPost("/api/accounts/{login:long}/resume", ResumeAsync).DisableAntiforgery();
    }

    private static async Task<IResult> HaltAsync(long login, HttpContext context, OperatorAccess access, IAntiforgery antiforgery,
        AccountStateStore store, LiveFeed feed, Transport.BridgeServer server, ILoggerFactory loggers)
    {
        if (await AuthorizeAsync(context, access, antiforgery).ConfigureAwait(false) is { } refused) return refused;
        if (login <= 0) return Results.BadRequest(new ApiError("login must be a positive account number"));
        HaltRequest? body;
        try
        {
            body = context.Request.ContentLength is 0 ? null : await context.Request.ReadFromJsonAsync<HaltRequest>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return Results.BadRequest(new ApiError("the body must be JSON: {\"reason\":\"...\"}"));
        }
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? "by operator" : body.Reason.Trim();
        if (reason.Length > 200) return Results.BadRequest(new ApiError("reason must be at most 200 characters"));
        store.Halt(login, reason);
        server.RequestSweep();
        LogHalted(loggers.CreateLogger("Mt4RiskBridge.Web.Admin"), login, reason);
        var state = await AppliedAsync(feed, login, s => s == TradingState.Halted, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new TradingStateReply(login, AccountReadModel.TradingStateName(state ?? TradingState.Halted)));
    }

    private static async Task<IResult> ResumeAsync(long login, HttpContext context, OperatorAccess access, IAntiforgery antiforgery,
        AccountStateStore store, LiveFeed feed, Transport.BridgeServer server, ILoggerFactory loggers)
    {
        if (await AuthorizeAsync(context, access, antiforgery).ConfigureAwait(false) is { } refused) return refused;
        var wasHalted = store.Resume(login);
        server.RequestSweep();
        LogResumed(loggers.CreateLogger("Mt4RiskBridge.Web.Admin"), login, wasHalted);
        // The state may stay restricted for another reason (a halt by setting, daily loss, drawdown): wait for the
        // halt to lift, at most ApplyWait, and report what the service applies. Judging by the status's text instead
        // raced the sweep: a status read before it could answer HALTED at once.
        var state = await AppliedAsync(feed, login, s => s != TradingState.Halted, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new TradingStateReply(login, AccountReadModel.TradingStateName(state ?? TradingState.Active)));
    }

    /// <summary>
    /// The state the socket thread applies once it has seen the change (it re-reads halts within a couple of
    /// seconds); null when the account is not connected, so no state is being applied to it.
    /// </summary>
    private static async Task<TradingState?> AppliedAsync(LiveFeed feed, long login, Func<TradingState, bool> applied, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ApplyWait;
        while (feed.StatusOf(login) is { } status)
        {
            if (applied(status.State) || DateTime.UtcNow >= deadline) return status.State;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>
    /// A script shows the operator token as a Bearer header; the dashboard page sends its antiforgery token. Without
    /// a configured token the service is loopback-only, and a script's JSON POST (which a browser cannot send
    /// cross-site without a preflight this service never grants) is accepted.
    /// </summary>
    private static async Task<IResult?> AuthorizeAsync(HttpContext context, OperatorAccess access, IAntiforgery antiforgery)
    {
        var request = context.Request;
        var bearer = OperatorAccess.BearerOf(request);
        if (access.TokenRequired && bearer is not null)
            return access.IsToken(bearer) ? null : Results.Json(new ApiError("wrong operator token"), statusCode: StatusCodes.Status401Unauthorized);
        if (request.Headers.ContainsKey(AntiforgeryHeader))
        {
            return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false)
                ? null
                : Results.BadRequest(new ApiError("the page's antiforgery token is missing or expired; reload the page"));
        }
        if (access.TokenRequired)
            return Results.Json(new ApiError("an operator token is required: Authorization: Bearer <Dashboard:OperatorToken>"), statusCode: StatusCodes.Status401Unauthorized);
        if (!request.HasJsonContentType() || request.Headers.Origin.Count > 0)
            return Results.BadRequest(new ApiError("send JSON (Content-Type: application/json) from a script, or use the dashboard's buttons"));
        return null;
    }

    [LoggerMessage(EventId = 810, Level = LogLevel.Warning, Message = "Account {Login} halted over the admin endpoint: {Reason}")]
    private static partial void LogHalted(ILogger logger, long login, string reason);

    [LoggerMessage(EventId = 811, Level = LogLevel.Warning, Message = "Account {Login} resumed over the admin endpoint (was halted: {WasHalted})")]
    private static partial void LogResumed(ILogger logger, long login, bool wasHalted);
}
