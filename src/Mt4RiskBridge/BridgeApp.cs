using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Sessions.Handlers;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Transport;
using Mt4RiskBridge.Web;
using Serilog;
using Serilog.Events;

namespace Mt4RiskBridge;

/// <summary>Builds and runs the service: settings, logging, the audit trail, the ZeroMQ transport and the dashboard.</summary>
public static class BridgeApp
{
    public const string DemoSwitch = "--demo";

    /// <summary>
    /// Builds the host. <paramref name="args"/> are settings overrides (<c>--Section:Key=value</c>), plus
    /// <see cref="DemoSwitch"/>. <paramref name="configure"/> lets tests replace services (a fake clock, say) and
    /// <paramref name="configureSettings"/> add settings sources after the standard ones.
    /// </summary>
    public static IHost CreateHost(string[] args, Action<IServiceCollection>? configure = null, Action<IConfigurationBuilder>? configureSettings = null)
        => CreateWebHost(args, configure, configureSettings);

    /// <summary>The host with its web side (dashboard, API, metrics, health) mapped; <see cref="CreateHost"/> returns it too.</summary>
    public static WebApplication CreateWebHost(string[] args, Action<IServiceCollection>? configure = null, Action<IConfigurationBuilder>? configureSettings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains(DemoSwitch, StringComparer.OrdinalIgnoreCase);
        var builder = CreateBuilder([.. args.Where(a => !string.Equals(a, DemoSwitch, StringComparison.OrdinalIgnoreCase))], demo);
        configureSettings?.Invoke(builder.Configuration);
        AddServices(builder, demo);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        DashboardSetup.MapDashboard(app);
        return app;
    }

    /// <summary>
    /// The settings as the service reads them: <c>appsettings.json</c> beside the binary, then the one in systemd's
    /// <c>CONFIGURATION_DIRECTORY</c>, then environment variables, then <paramref name="settingsArgs"/>.
    /// Throws <see cref="InvalidDataException"/> when a settings file is not valid JSON.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] settingsArgs, bool demo = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settingsArgs,
            // The settings file is read beside the binary, wherever the service is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var sources = builder.Configuration.Sources;
        var configurationDirectory = Environment.GetEnvironmentVariable("CONFIGURATION_DIRECTORY")?.Split(Path.PathSeparator)[0];
        if (!string.IsNullOrWhiteSpace(configurationDirectory))
        {
            // After the file beside the binary, before environment and command line, so those still win.
            var afterFiles = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
            var file = new JsonConfigurationSource { Path = Path.Combine(configurationDirectory, "appsettings.json"), Optional = true, ReloadOnChange = true };
            file.ResolveFileProvider();
            sources.Insert(afterFiles, file);
        }
        if (demo) Demo.DemoSetup.Configure(builder);
        // At start an unreadable file stops the service (the builder has just thrown); once running, a file that
        // fails to parse mid-edit must not take the process down: it reads as empty, which reload refuses.
        foreach (var file in sources.OfType<FileConfigurationSource>()) file.OnLoadException = context => context.Ignore = true;
        return builder;
    }

    private static void AddServices(WebApplicationBuilder builder, bool demo)
    {
        var services = builder.Services;
        var paths = ServicePaths.Resolve(builder.Configuration);
        services.AddSingleton(paths);
        services.AddWindowsService(o => o.ServiceName = "Mt4RiskBridge");
        services.AddSystemd();
        AddLogging(builder, paths);

        services.AddBridgeSettings();
        services.PostConfigure<BridgeOptions>(o => o.AuditPath = paths.InData(o.AuditPath));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServiceClock>();
        // The exposure settings at start; RiskEngineSource holds the ones in force after a reload.
        services.AddSingleton(sp => ExposureSettingsMapper.TryMap(
            ExposureOptions.From(sp.GetRequiredService<IConfiguration>()),
            builder.Environment.ContentRootPath, paths.DataDirectory, out var exposure, out var errors)
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
        services.AddSingleton<BatchStatistics>();
        services.AddSingleton<BridgeMetrics>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService<CounterLog>();
        services.AddSingleton<HelloGate>();
        services.AddSingleton<InputLimits>();
        services.AddSingleton<TerminalPusher>();
        services.AddSingleton<AccountUpdater>();
        services.AddSingleton<ConnectionTable>();
        services.AddSingleton<CheckFacts>();
        AddMessageHandlers(services);
        services.AddSingleton<MessageRouter>();
        // The audit trail starts first and stops last, after the transport has sent its final decision.
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<BridgeServer>();
        services.AddHostedService(sp => sp.GetRequiredService<BridgeServer>());
        services.AddHostedService<LimitsSummary>();
        if (demo) Demo.DemoSetup.AddServices(services);
        // After the transport: the web server starts once the socket thread's services exist, and stops first.
        DashboardSetup.AddDashboard(builder);
    }

    /// <summary>One handler per client message type; <see cref="MessageRouter"/> refuses to start without exactly one for each.</summary>
    private static void AddMessageHandlers(IServiceCollection services)
    {
        services.AddSingleton<IMessageHandler, HelloHandler>();
        services.AddSingleton<IMessageHandler, AccountHandler>();
        services.AddSingleton<IMessageHandler, SymbolHandler>();
        services.AddSingleton<IMessageHandler, TickHandler>();
        services.AddSingleton<IMessageHandler, TicksHandler>();
        services.AddSingleton<IMessageHandler, PositionsHandler>();
        services.AddSingleton<IMessageHandler, CheckHandler>();
        services.AddSingleton<IMessageHandler, HeartbeatHandler>();
        services.AddSingleton<IMessageHandler, SizeHandler>();
    }

    /// <summary>The command line: <c>run</c> (the default), <c>demo</c>, <c>halt</c>, <c>resume</c>, <c>keygen</c>, <c>report</c>.</summary>
    public static Task<int> RunAsync(string[] args) => Cli.BridgeCommandLine.InvokeAsync(args, Console.Out, Console.Error);

    /// <summary>
    /// Runs the service until Ctrl-C or SIGTERM. Returns 2, having written why to <paramref name="error"/>, when it
    /// cannot start: bad or unknown settings (every one listed), an unreadable settings file, a folder it cannot
    /// write, a port it cannot bind.
    /// </summary>
    public static async Task<int> RunServiceAsync(string[] settingsArgs, bool demo, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settingsArgs);
        ArgumentNullException.ThrowIfNull(error);
        WebApplicationBuilder builder;
        try
        {
            builder = CreateBuilder(settingsArgs, demo);
        }
        catch (InvalidDataException ex)
        {
            return await CannotStartAsync(error, SettingsFileProblem(ex)).ConfigureAwait(false);
        }
        var errors = SettingsCatalog.Validate(builder.Configuration);
        if (errors.Count == 0) errors = WritableFolders.Check(builder.Configuration, ServicePaths.Resolve(builder.Configuration));
        if (errors.Count == 1) return await CannotStartAsync(error, errors[0]).ConfigureAwait(false);
        if (errors.Count > 1)
        {
            await error.WriteLineAsync("Mt4RiskBridge cannot start; fix these settings:").ConfigureAwait(false);
            foreach (var problem in errors) await error.WriteLineAsync("  - " + problem).ConfigureAwait(false);
            return 2;
        }

        AddServices(builder, demo);
        using var host = builder.Build();
        DashboardSetup.MapDashboard(host);
        try
        {
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            return await CannotStartAsync(error, string.Join("; ", ex.Failures)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StartupFailedException or IOException or UnauthorizedAccessException)
        {
            return await CannotStartAsync(error, ex.Message).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // The state file exists but is not one the service can open (a folder, another program's file).
            return await CannotStartAsync(error, "Limits:StatePath: " + ex.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
        }
        // The host's logger is flushed and closed when the host is disposed, at the end of this method.

    }

    private static async Task<int> CannotStartAsync(TextWriter error, string reason)
    {
        await error.WriteLineAsync("Mt4RiskBridge cannot start: " + reason).ConfigureAwait(false);
        return 2;
    }

    private static string SettingsFileProblem(InvalidDataException ex)
    {
        // "Failed to load configuration from file 'path'." wrapping the parser's own line and position.
        var file = ex.Message.Split('\'') is { Length: >= 3 } parts ? parts[1] : "a settings file";
        var detail = ex.GetBaseException().Message.ReplaceLineEndings(" ");
        return $"{file} is not valid JSON: {detail}";
    }

    private static void AddLogging(IHostApplicationBuilder builder, ServicePaths paths)
    {
        var configuration = builder.Configuration;
        // Each host keeps its own logger (disposed with the host) rather than the process-wide static one, which
        // hosts started side by side — tests, the demo's embedded parts — would replace and close under each other.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: logger =>
        {
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                // A start-up failure is reported once, as one line, by RunServiceAsync; not as a stack trace here.
                .Filter.ByExcluding(e => e.Exception is StartupFailedException or IOException or UnauthorizedAccessException or OptionsValidationException
                        or Microsoft.Data.Sqlite.SqliteException
                    && e.Properties.TryGetValue("SourceContext", out var source)
                    && source is ScalarValue { Value: string name } && name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal))
                .WriteTo.Console(
                    outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
            if (paths.LogDirectory is { } logDirectory)
            {
                logger.WriteTo.File(
                    Path.Combine(logDirectory, "bridge-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3} [{SourceContext}] {Message:lj} {Properties:j}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
            }
        });
    }
}
