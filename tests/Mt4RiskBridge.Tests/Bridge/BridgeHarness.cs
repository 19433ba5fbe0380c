using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// The real host on an ephemeral loopback port, with a fake clock, a private audit file and a reloadable
/// settings file, torn down with its sockets at the end of a test.
/// </summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<TestClient> _clients = [];

    private BridgeHarness(IHost host, FakeTimeProvider time, string folder)
    {
        Host = host;
        Time = time;
        _folder = folder;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public string Endpoint => Host.Services.GetRequiredService<BridgeEndpoint>().BoundAddress;

    public AccountBook Accounts => Host.Services.GetRequiredService<AccountBook>();

    /// <summary>Base address of the dashboard, API, metrics and health endpoints (a free loopback port).</summary>
    public Uri DashboardUrl => new(Host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public string AuditPath => Host.Services.GetRequiredService<AuditTrail>().FilePath;

    public string SettingsPath => Path.Combine(_folder, "settings.json");

    public static Task<BridgeHarness> StartAsync(string settingsJson = "{}", params string[] args) =>
        StartInAsync(Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N")), settingsJson, args);

    /// <summary>Starts with a clock built around the fake one (a wall clock that steps, say).</summary>
    public static Task<BridgeHarness> StartWithClockAsync(Func<FakeTimeProvider, TimeProvider> clock, params string[] args) =>
        StartInAsync(Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N")), "{}", clock, null, args);

    /// <summary>Starts with services replaced after the standard ones (a stand-in for the disk, say).</summary>
    public static Task<BridgeHarness> StartWithServicesAsync(Action<IServiceCollection> services, params string[] args) =>
        StartInAsync(Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N")), "{}", time => time, services, args);

    /// <summary>Starts in a given folder, so a second host can find the first one's state and audit files.</summary>
    public static Task<BridgeHarness> StartInAsync(string folder, string settingsJson = "{}", params string[] args) =>
        StartInAsync(folder, settingsJson, time => time, null, args);

    private static async Task<BridgeHarness> StartInAsync(string folder, string settingsJson, Func<FakeTimeProvider, TimeProvider> clock,
        Action<IServiceCollection>? extra, string[] args)
    {
        Directory.CreateDirectory(folder);
        var settingsPath = Path.Combine(folder, "settings.json");
        await File.WriteAllTextAsync(settingsPath, settingsJson);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        string[] baseArgs =
        [
            "--Bridge:Endpoint=tcp://127.0.0.1:0",
            "--Dashboard:Endpoint=http://127.0.0.1:0",
            "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=",
            "--Bridge:BindRetries=0",
            "--Limits:StatePath=" + Path.Combine(folder, "state.db"),
            "--Serilog:MinimumLevel:Default=Warning",
        ];
        var host = BridgeApp.CreateHost(
            [.. baseArgs, .. args],
            services =>
            {
                services.AddSingleton(clock(time));
                extra?.Invoke(services);
            },
            // Optional, as the service's own file is on reload: a deleted file reads as empty.
            settings => settings.AddJsonFile(settingsPath, optional: true, reloadOnChange: false));
        await host.StartAsync();
        return new BridgeHarness(host, time, folder);
    }

    public TestClient Dealer()
    {
        var client = TestClient.Dealer(Endpoint);
        _clients.Add(client);
        return client;
    }

    /// <summary>A DEALER that presents a routing identity of its own choosing, as any peer may.</summary>
    public TestClient DealerWithIdentity(byte[] identity)
    {
        var client = TestClient.Dealer(Endpoint, identity);
        _clients.Add(client);
        return client;
    }

    /// <summary>Waits (up to 5 s) until <paramref name="condition"/> holds on the service's side; throws otherwise.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what + " did not happen within 5 s");
            await Task.Delay(10);
        }
    }

    public BatchStatistics Batches => Host.Services.GetRequiredService<BatchStatistics>();

    /// <summary>
    /// Holds the socket thread between batches until the returned handle is disposed, so whatever the test sends
    /// meanwhile waits in the socket and is read as one batch. Disposing gives the sends a moment to reach the
    /// socket first; a test that depends on one batch confirms it from <see cref="Batches"/>.
    /// </summary>
    public async Task<IAsyncDisposable> HoldSocketThreadAsync()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        Host.Services.GetRequiredService<BridgeServer>().RunOnSocketThread(() =>
        {
            held.SetResult();
            release.Wait(TimeSpan.FromSeconds(10));
        });
        await held.Task.WaitAsync(TimeSpan.FromSeconds(5));
        return new SocketThreadHold(release);
    }

    private sealed class SocketThreadHold(ManualResetEventSlim release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Task.Delay(200);
            release.Set();
        }
    }

    public TestClient Req()
    {
        var client = TestClient.Req(Endpoint);
        _clients.Add(client);
        return client;
    }

    /// <summary>Rewrites the settings file and reloads configuration, as a file watcher would.</summary>
    public async Task ChangeSettingsAsync(string settingsJson)
    {
        await File.WriteAllTextAsync(SettingsPath, settingsJson);
        ((IConfigurationRoot)Host.Services.GetRequiredService<IConfiguration>()).Reload();
    }

    /// <summary>Deletes the settings file and reloads configuration, as a file watcher would.</summary>
    public void DeleteSettings()
    {
        File.Delete(SettingsPath);
        ((IConfigurationRoot)Host.Services.GetRequiredService<IConfiguration>()).Reload();
    }

    public async Task StopAsync() => await Host.StopAsync();

    public string Folder => _folder;

    /// <summary>Keeps the folder when the harness is disposed, for a second host to start in.</summary>
    public bool KeepFolder { get; set; }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await Host.StopAsync();
        Host.Dispose();
        if (KeepFolder) return;
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing is not worth failing a test over.
        }
    }
}
