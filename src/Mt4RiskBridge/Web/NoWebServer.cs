using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Mt4RiskBridge.Web;

/// <summary>
/// Stands in for Kestrel when <c>Dashboard:Enabled</c> is false (the service opens no HTTP port at all), or when the
/// dashboard settings are unsafe: then starting fails with every problem, so no way of building the host serves a
/// non-loopback dashboard in clear text or without a token.
/// </summary>
internal sealed class NoWebServer(IReadOnlyList<string> refusal) : IServer
{
    public IReadOnlyList<string> Refusal { get; } = refusal;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
        Refusal.Count == 0 ? Task.CompletedTask : throw new OptionsValidationException(Settings.DashboardOptions.Section, typeof(Settings.DashboardOptions), Refusal);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
