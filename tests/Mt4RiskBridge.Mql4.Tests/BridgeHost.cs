using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Transport;

namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The real service, started in-process on a loopback port (ephemeral unless an endpoint is given).</summary>
public sealed class BridgeHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly IHost _host;
    private readonly string _auditDirectory;
    private bool _stopped;

    private BridgeHost(IHost host, string auditDirectory, string endpoint)
    {
        _host = host;
        _auditDirectory = auditDirectory;
        Endpoint = endpoint;
    }

    /// <summary>The bound address, tcp://127.0.0.1:port.</summary>
    public string Endpoint { get; }

    public AccountBook Book => _host.Services.GetRequiredService<AccountBook>();

    public BridgeServer Server => _host.Services.GetRequiredService<BridgeServer>();

    public static async Task<BridgeHost> StartAsync(string endpoint = "tcp://127.0.0.1:0", params string[] settings)
    {
        var audit = Path.Combine(Path.GetTempPath(), "mt4riskbridge-mql4-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(audit);
        string[] args =
        [
            "--Bridge:Endpoint=" + endpoint,
            "--Dashboard:Endpoint=http://127.0.0.1:0",
            "--Bridge:AuditPath=" + Path.Combine(audit, "decisions.jsonl"),
            "--Bridge:LogDirectory=",
            .. settings,
        ];
        var host = BridgeApp.CreateHost(args);
        using var cts = new CancellationTokenSource(StartTimeout);
        await host.StartAsync(cts.Token).ConfigureAwait(false);
        var bound = await host.Services.GetRequiredService<BridgeEndpoint>().Bound.WaitAsync(StartTimeout).ConfigureAwait(false);
        return new BridgeHost(host, audit, bound);
    }

    /// <summary>Waits (bounded) until the account is known with the expected counts of positions, symbols and quotes.</summary>
    public async Task<AccountView> WaitForAccountAsync(long login, int positions, int symbols, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        AccountView? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (Book.TryGet(login, out var view))
            {
                last = view;
                if (view.HasAccount && view.Account.Portfolio.Count == positions && view.Symbols.Specs.Length == symbols &&
                    view.Quotes.Count == symbols)
                    return view;
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        throw new TimeoutException(last is null
            ? $"account {login} never reached the service"
            : $"account {login} incomplete after {timeout}: hasAccount={last.HasAccount}, positions={last.Account.Portfolio.Count}, " +
              $"symbols={last.Symbols.Specs.Length}, quotes={last.Quotes.Count}");
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        using var cts = new CancellationTokenSource(StartTimeout);
        await _host.StopAsync(cts.Token).ConfigureAwait(false);
        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_auditDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }
}
