using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Security;
using Mt4RiskBridge.Settings;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Mt4RiskBridge.Web;

/// <summary>
/// The web side of the host: Kestrel on <c>Dashboard:Endpoint</c>, the dashboard pages and JSON API, the admin
/// actions, <c>/metrics</c> (OpenTelemetry, Prometheus format; OTLP too when <c>OpenTelemetry:Endpoint</c> is set)
/// and the health checks. It reads what the socket thread publishes and never calls into it.
/// </summary>
internal static partial class DashboardSetup
{
    public const string ReadyTag = "ready";

    public static void AddDashboard(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        // DashboardOptions and OpenTelemetryOptions are bound and validated with the other sections (SettingsCatalog).
        var dashboard = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var telemetry = builder.Configuration.GetSection(OpenTelemetryOptions.Section).Get<OpenTelemetryOptions>() ?? new OpenTelemetryOptions();

        var refusal = DashboardSecurityCheck.Validate(dashboard, telemetry, contentRoot, out var certificate);
        if (!dashboard.Enabled || refusal.Count > 0) services.AddSingleton<IServer>(new NoWebServer(refusal));
        else builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, dashboard, certificate));

        services.AddSingleton<OperatorAccess>();
        services.AddSingleton<AccountReadModel>();
        services.AddSingleton<SettingsView>();
        services.AddSingleton<LiveBoard>();
        // Sampling only serves the dashboard: a service without one does no work for it.
        if (dashboard.Enabled && refusal.Count == 0) services.AddHostedService(sp => sp.GetRequiredService<LiveBoard>());
        if (dashboard.Enabled && refusal.Count == 0) services.AddHostedService(sp => sp.GetRequiredService<SettingsView>());
        // Antiforgery tokens need to live only as long as the process: nothing is written to the service user's home.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        // Only requests addressed to the endpoint's own host are served: a web page that re-points its own name
        // at 127.0.0.1 (DNS rebinding) cannot read or operate a loopback dashboard.
        if (DashboardAddress.TryParse(dashboard.Endpoint, out var address))
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = address!.AllowedHosts());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AdminEndpoints.AntiforgeryHeader;
            o.Cookie.Name = "mt4rb-antiforgery";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower)));
        services.AddHealthChecks().AddCheck<ReadinessCheck>("bridge", tags: [ReadyTag]);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Mt4RiskBridge"))
            .WithMetrics(metrics =>
            {
                // The runtime's own meter too: heap size and GC pauses beside the service's figures.
                metrics.AddMeter(BridgeMetrics.MeterName, "System.Runtime").AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(telemetry.Endpoint) && Uri.TryCreate(telemetry.Endpoint, UriKind.Absolute, out var otlp))
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        _ = otel;
    }

    public static void MapDashboard(WebApplication app)
    {
        app.UseMiddleware<OperatorGate>();
        app.UseStaticFiles();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        PageEndpoints.Map(app);
        ApiEndpoints.Map(app);
        AdminEndpoints.Map(app);
        if (app.Services.GetRequiredService<IServer>() is NoWebServer) return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            LogDashboard(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mt4RiskBridge.Web.Dashboard"), string.Join(", ", addresses));
        });
    }

    [LoggerMessage(EventId = 801, Level = LogLevel.Information, Message = "Dashboard, API, /metrics and /health on {Addresses}")]
    private static partial void LogDashboard(ILogger logger, string addresses);

    private static void Listen(KestrelServerOptions kestrel, DashboardOptions dashboard, X509Certificate2? certificate)
    {
        if (!DashboardAddress.TryParse(dashboard.Endpoint, out var address)) return;
        var uri = address!.Uri;
        var ip = string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Any;
        kestrel.AddServerHeader = false;
        kestrel.Listen(ip, uri.Port, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        });
    }
}
