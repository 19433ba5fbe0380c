using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mt4RiskBridge.Web;

/// <summary>The dashboard's pages (static HTML that draws itself from the JSON API) and the operator login.</summary>
internal static partial class PageEndpoints
{
    public static void Map(WebApplication app)
    {
        var pages = app.Environment.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        app.MapGet("/", () => Page(pages, "index.html"));
        app.MapGet("/accounts/{login:long}", (long login) => Page(pages, "account.html"));
        app.MapGet("/decisions", () => Page(pages, "decisions.html"));
        app.MapGet("/settings", () => Page(pages, "settings.html"));
        app.MapGet("/login", () => Page(pages, "login.html"));
        app.MapPost("/login", LoginAsync).DisableAntiforgery();
        app.MapGet("/login/antiforgery", (HttpContext context, IAntiforgery antiforgery) => Results.Ok(new { Token = antiforgery.GetAndStoreTokens(context).RequestToken }));
    }

    private static IResult Page(string folder, string name) => Results.File(Path.Combine(folder, name), "text/html; charset=utf-8");

    /// <summary>Exchanges the operator token (form field <c>token</c>) for the session cookie; antiforgery-checked.</summary>
    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, OperatorAccess access, ILoggerFactory loggers)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false)) return Results.BadRequest(new ApiError("the login form expired; reload the page"));
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        if (!access.TokenRequired || !access.IsToken(form["token"]))
        {
            LogLoginRefused(loggers.CreateLogger("Mt4RiskBridge.Web.Login"), context.Connection.RemoteIpAddress?.ToString() ?? "?");
            return Results.Redirect("/login?failed=1");
        }
        context.Response.Cookies.Append(OperatorAccess.CookieName, access.SessionCookie, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
        });
        return Results.Redirect("/");
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Warning, Message = "Dashboard login refused from {Remote}: wrong or missing operator token")]
    private static partial void LogLoginRefused(ILogger logger, string remote);
}
