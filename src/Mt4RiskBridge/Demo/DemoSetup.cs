using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mt4RiskBridge.Demo;

/// <summary>What <c>--demo</c> changes: free ports, a separate audit file, and an embedded simulated terminal.</summary>
internal static class DemoSetup
{
    public static void Configure(IHostApplicationBuilder builder)
    {
        var demoSettings = new Dictionary<string, string?>
        {
            // A free port, so the demo runs beside a real service on the default one.
            ["Bridge:Endpoint"] = "tcp://127.0.0.1:0",
            // The dashboard too; its address is in the start-up log.
            ["Dashboard:Endpoint"] = "http://127.0.0.1:0",
            ["Bridge:AuditPath"] = "logs/demo-decisions.jsonl",
            // The demo prints decisions and warnings itself; the service's log lines would repeat them.
            ["Serilog:MinimumLevel:Override:Mt4RiskBridge.Sessions"] = "Error",
        };
        // After the settings files, before environment and command line, so those still win.
        var sources = builder.Configuration.Sources;
        var afterFiles = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
        sources.Insert(afterFiles, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = demoSettings });
    }

    public static void AddServices(IServiceCollection services) => services.AddHostedService<DemoTerminal>();
}
