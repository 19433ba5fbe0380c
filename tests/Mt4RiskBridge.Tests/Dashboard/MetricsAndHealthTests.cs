using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.TestSupport.Drills;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Dashboard;

public sealed partial class MetricsAndHealthTests
{
    [Fact]
    public async Task Metrics_AfterACheck_CarryEveryNamedMetric()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        using var desk = new SimulatedDesk(bridge, 7101);
        var decision = desk[7101].Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };

        var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(Sample("mt4riskbridge_decisions_total", $"reason=\"none\",verdict=\"{WireNames.Of(decision.Verdict)}\""), text);
        Assert.Matches(Sample("mt4riskbridge_check_duration_seconds_count", ""), text);
        Assert.Matches(Sample("mt4riskbridge_terminals_connected", ""), text);
        Assert.Matches(Sample("mt4riskbridge_messages_total", "type=\"check\""), text);
        Assert.Matches(Sample("mt4riskbridge_messages_total", "type=\"positions\""), text);
        Assert.Matches(Sample("mt4riskbridge_refusals_total", "limit=\"rate_limit\""), text);
        Assert.Matches(Sample("mt4riskbridge_audit_write_seconds_count", ""), text);
        // The gauge reads the published account: its margin level, to the cent.
        Assert.True(bridge.Accounts.TryGet(7101, out var view));
        var level = AccountMarginLevel().Match(text);
        Assert.True(level.Success, text);
        Assert.Equal(Math.Round(view.Account.MarginLevel.Percent, 2), Math.Round(decimal.Parse(level.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture), 2));
    }

    [Fact]
    public async Task HealthReady_Is503UntilTheSocketIsBoundThen200()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mt4rb-" + Guid.NewGuid().ToString("N"));
        // The bridge port is held by someone else, so the service keeps retrying the bind while its web side is up.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var bridgePort = ((IPEndPoint)holder.LocalEndpoint).Port;
        var dashboard = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ServiceProcess.FreePort()}"));
        using var host = BridgeApp.CreateHost(
        [
            string.Create(CultureInfo.InvariantCulture, $"--Bridge:Endpoint=tcp://127.0.0.1:{bridgePort}"),
            "--Bridge:BindRetries=100",
            "--Dashboard:Endpoint=" + dashboard,
            "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"),
            "--Bridge:LogDirectory=",
            "--Limits:StatePath=" + Path.Combine(folder, "state.db"),
            "--Serilog:MinimumLevel:Default=Error",
        ]);
        using var http = new HttpClient { BaseAddress = dashboard };
        var starting = host.StartAsync();

        var before = await FirstAnswerAsync(http, "/health/ready");
        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        holder.Stop();
        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        var after = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal("Unhealthy", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("Healthy", await after.Content.ReadAsStringAsync());
        await host.StopAsync();
    }

    /// <summary>The first HTTP answer once the web server listens (connection refusals before that are retried).</summary>
    private static async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await http.GetAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static Regex Sample(string name, string labels) =>
        new("(?m)^" + Regex.Escape(name) + @"\{[^}]*" + Regex.Escape(labels) + @"[^}]*\} [0-9.eE+-]+");

    [GeneratedRegex("(?m)^mt4riskbridge_account_margin_level\\{[^}]*account=\"7101\"[^}]*\\} ([0-9.eE+-]+)")]
    private static partial Regex AccountMarginLevel();
}
