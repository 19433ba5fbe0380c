using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Security;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Transport;
using Mt4RiskBridge.Web;
using Serilog;

namespace Mt4RiskBridge;

/// <summary>Builds and runs the service: settings, logging, the audit trail and the ZeroMQ transport.</summary>
public static class BridgeApp
{
    public const string DemoSwitch = "--demo";

    /// <summary>
    /// Builds the host. <paramref name="configure"/> lets tests replace services (a fake clock, say) and
    /// <paramref name="configureSettings"/> add settings sources after the standard ones.
    /// </summary>
    public static IHost CreateHost(string[] args, Action<IServiceCollection>? configure = null, Action<IConfigurationBuilder>? configureSettings = null)
        => CreateWebHost(args, configure, configureSettings);

    /// <summary>The host with its web side (dashboard, API, metrics, health) mapped; <see cref="CreateHost"/> returns it too.</summary>
    public static WebApplication CreateWebHost(string[] args, Action<IServiceCollection>? configure = null, Action<IConfigurationBuilder>? configureSettings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoSwitch, StringComparer.OrdinalIgnoreCase);
        var settings = new WebApplicationOptions
        {
            Args = args.Where(a => !string.Equals(a, DemoSwitch, StringComparison.OrdinalIgnoreCase)).ToArray(),
            // Settings and relative paths resolve beside the binary, wherever the service is started from.
            ContentRootPath = AppContext.BaseDirectory,
        };
        var builder = WebApplication.CreateBuilder(settings);
        configureSettings?.Invoke(builder.Configuration);
        if (demo) Demo.DemoSetup.Configure(builder);

        var services = builder.Services;
        services.AddWindowsService(o => o.ServiceName = "Mt4RiskBridge");
        services.AddSystemd();
        AddLogging(builder);

        services.AddOptions<BridgeOptions>().BindConfiguration(BridgeOptions.Section).ValidateDataAnnotations();
        services.AddOptions<RiskOptions>().BindConfiguration(RiskOptions.Section);
        services.PostConfigure<BridgeOptions>(o => o.AuditPath = Path.Combine(builder.Environment.ContentRootPath, o.AuditPath));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceClock>();
        services.AddSingleton(sp => ExposureSettingsMapper.TryMap(builder.Configuration, builder.Environment.ContentRootPath, out var exposure, out var errors)
            ? exposure!
            : throw new OptionsValidationException("Exposure", typeof(ExposureSettings), errors));
        services.AddSingleton<NewsFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsFeed>());
        services.AddSingleton<AccountStateStore>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountStateStore>());
        services.AddSingleton<ExposureMonitor>();
        services.AddSingleton<RiskEngineSource>();
        services.AddSingleton<AccountBook>();
        services.AddSingleton<BridgeEndpoint>();
        services.AddSingleton<BridgeCounters>();
        services.AddSingleton<BridgeMetrics>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService<CounterLog>();
        services.AddSingleton<HelloGate>();
        services.AddSingleton<InputLimits>();
        services.AddSingleton<CheckHandler>();
        services.AddSingleton<TerminalSessions>();
        // The audit trail starts first and stops last, after the transport has sent its final decision.
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<BridgeServer>();
        services.AddHostedService(sp => sp.GetRequiredService<BridgeServer>());
        if (demo) Demo.DemoSetup.AddServices(services);
        // After the transport: the web server starts once the socket thread's services exist, and stops first.
        DashboardSetup.AddDashboard(builder);

        configure?.Invoke(services);
        var app = builder.Build();
        DashboardSetup.MapDashboard(app);
        return app;
    }

    /// <summary>Runs until Ctrl-C or SIGTERM; returns 2 when the settings are invalid, listing every problem.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && string.Equals(args[0], KeygenCommand.Name, StringComparison.OrdinalIgnoreCase))
            return KeygenCommand.Run(args[1..], Console.Out, Console.Error);
        if (args.Length > 0 && string.Equals(args[0], Reports.ReportCommand.Name, StringComparison.OrdinalIgnoreCase))
            return Reports.ReportCommand.Run(args[1..], Console.Out, Console.Error);
        if (HaltCommand.Handles(args))
        {
            // Positional words are the command; "--Key=value" arguments still choose the settings (the state file).
            using var settingsHost = CreateHost([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))]);
            return HaltCommand.Run([.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))],
                settingsHost.Services.GetRequiredService<ExposureSettings>(), Console.Out, Console.Error);
        }
        using var host = CreateHost(args);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var errors = StartupCheck.Validate(configuration, host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync("Mt4RiskBridge cannot start; fix these settings:").ConfigureAwait(false);
            foreach (var error in errors) await Console.Error.WriteLineAsync("  - " + error).ConfigureAwait(false);
            return 2;
        }
        try
        {
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Mt4RiskBridge cannot start: " + string.Join("; ", ex.Failures)).ConfigureAwait(false);
            return 2;
        }
        finally
        {
            await Log.CloseAndFlushAsync().ConfigureAwait(false);
        }
    }

    private static void AddLogging(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var logDirectory = configuration["Bridge:LogDirectory"] ?? "logs";
        // Each host keeps its own logger: with the static one, hosts side by side (tests) wrote into each other's files.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: logger =>
        {
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(
                    outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(logDirectory))
            {
                logger.WriteTo.File(
                    Path.Combine(builder.Environment.ContentRootPath, logDirectory, "bridge-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3} [{SourceContext}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
            }
        });
    }
}
