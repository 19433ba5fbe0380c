using Microsoft.AspNetCore.Http;

namespace Mt4RiskBridge.Web;

/// <summary>
/// With an operator token configured, every page, API call and the metrics need the token (Bearer) or the login
/// cookie; health probes and the login page stay open. Without a token the service is loopback-only and open.
/// </summary>
internal sealed class OperatorGate(RequestDelegate next, OperatorAccess access)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!access.TokenRequired || IsOpen(context.Request.Path)) return next(context);
        var bearer = OperatorAccess.BearerOf(context.Request);
        if (bearer is not null ? access.IsToken(bearer) : access.HasSession(context.Request)) return next(context);
        if (bearer is null && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api")
            && !context.Request.Path.StartsWithSegments("/metrics"))
        {
            context.Response.Redirect("/login");
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(new ApiError("an operator token is required: Authorization: Bearer <Dashboard:OperatorToken>"));
    }

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/login") || path.Equals("/app.css", StringComparison.Ordinal);
}
