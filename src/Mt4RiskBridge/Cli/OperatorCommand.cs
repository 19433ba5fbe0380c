using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Cli;

/// <summary>
/// <c>halt &lt;login&gt; [reason]</c> and <c>resume &lt;login&gt;</c>: asks the running service (its admin endpoint,
/// <c>Dashboard:Endpoint</c>) and says which service it reached. With no service answering it fails, unless
/// <c>--state-file</c> names the state file to write instead.
/// </summary>
internal static class OperatorCommand
{
    /// <summary>Exit code when no service answered and no state file was named.</summary>
    public const int NoService = 3;

    public static async Task<int> RunAsync(bool halt, long login, string? reason, string? stateFile, IConfiguration configuration,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var verb = halt ? "halt" : "resume";
        if (login <= 0)
        {
            await error.WriteLineAsync($"{verb}: the login must be a positive account number, not {login}").ConfigureAwait(false);
            return 2;
        }
        var dashboard = new DashboardOptions();
        configuration.GetSection(DashboardOptions.Section).Bind(dashboard);
        if (!Uri.TryCreate(dashboard.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            await error.WriteLineAsync($"{verb}: Dashboard:Endpoint must be an http(s) address such as {DashboardOptions.DefaultEndpoint}, not \"{dashboard.Endpoint}\"").ConfigureAwait(false);
            return 2;
        }
        reason = halt ? (string.IsNullOrWhiteSpace(reason) ? "by operator" : reason.Trim()) : null;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var client = new AdminClient(http, endpoint, dashboard.OperatorToken);
        var (service, unreachable) = await client.IdentifyAsync(cancellationToken).ConfigureAwait(false);
        if (unreachable == AdminClient.TokenRefused)
        {
            // A service is there; writing the state file behind its back would be the wrong fix.
            await error.WriteLineAsync($"{verb}: the service at {endpoint}: {unreachable}").ConfigureAwait(false);
            return 1;
        }
        if (service is null)
        {
            if (stateFile is null)
            {
                await error.WriteLineAsync($"{verb}: no Mt4RiskBridge service answered at {endpoint} ({unreachable}); start it, or point Dashboard:Endpoint at it, or write the state file itself with --state-file PATH").ConfigureAwait(false);
                return NoService;
            }
            return await WriteStateFileAsync(halt, login, reason, stateFile, endpoint, unreachable!, output).ConfigureAwait(false);
        }

        var reached = string.Create(CultureInfo.InvariantCulture,
            $"{service.Name} {service.Version} (pid {service.Pid}, terminals at {service.BridgeEndpoint}) at {endpoint}");
        var (state, refused) = await client.SetTradingAsync(login, halt, reason, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            await error.WriteLineAsync($"{verb}: {reached}: {refused}").ConfigureAwait(false);
            return 1;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"account {login} {(halt ? "halted: " + reason : "resumed")} (trading state {state}) by {reached}")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> WriteStateFileAsync(bool halt, long login, string? reason, string stateFile, Uri endpoint, string unreachable, TextWriter output)
    {
        var path = Path.GetFullPath(stateFile);
        await output.WriteLineAsync($"no service answered at {endpoint} ({unreachable}); writing {path} instead — a service using that file applies it within {AccountStateStore.HaltRefresh.TotalSeconds:0} s").ConfigureAwait(false);
        using var store = new AccountStateStore(new ExposureSettings { StatePath = path }, NullLogger<AccountStateStore>.Instance);
        if (halt)
        {
            store.Halt(login, reason!);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"account {login} halted: {reason}")).ConfigureAwait(false);
            return 0;
        }
        var resumed = store.Resume(login);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"account {login} {(resumed ? "resumed" : "was not halted")}")).ConfigureAwait(false);
        return 0;
    }
}
