using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Dashboard;

public sealed class AdminApiTests
{
    private const string Token = "operator-token-for-tests-0123456789";

    [Fact]
    public async Task Service_AnswersWhichServiceWasReached()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };

        var service = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/service", UriKind.Relative));

        Assert.Equal("Mt4RiskBridge", service.GetProperty("name").GetString());
        Assert.Equal(bridge.Endpoint, service.GetProperty("bridgeEndpoint").GetString());
        Assert.Equal(bridge.DashboardUrl, new Uri(service.GetProperty("dashboardEndpoint").GetString()!));
        Assert.Equal(Environment.ProcessId, service.GetProperty("pid").GetInt32());
        Assert.False(string.IsNullOrEmpty(service.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Halt_WithTheOperatorToken_RejectsTheNextCheckAndResumeLiftsIt()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Dashboard:OperatorToken=" + Token);
        using var desk = new SimulatedDesk(bridge, 7201);
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };

        var anonymous = await http.PostAsync(new Uri("/api/accounts/7201/halt", UriKind.Relative), Json("""{"reason":"news week"}"""));
        var wrong = await Send(http, "/api/accounts/7201/halt", """{"reason":"news week"}""", "not-the-operator-token-at-all");
        var halted = await Send(http, "/api/accounts/7201/halt", """{"reason":"news week"}""", Token);
        var check = desk[7201].Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));
        var resumed = await Send(http, "/api/accounts/7201/resume", "{}", Token);
        var after = desk[7201].Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("""{"login":7201,"tradingState":"HALTED"}""", await halted.Content.ReadAsStringAsync());
        Assert.Equal(WireVerdict.Reject, check.Verdict);
        Assert.Contains(check.Reasons, r => r.Code == ReasonCode.TradingHalted && r.Message.Contains("news week", StringComparison.Ordinal));
        Assert.Equal("""{"login":7201,"tradingState":"ACTIVE"}""", await resumed.Content.ReadAsStringAsync());
        Assert.DoesNotContain(after.Reasons, r => r.Code == ReasonCode.TradingHalted);
    }

    [Fact]
    public async Task OperatorToken_GuardsPagesApiAndMetricsButNotHealth()
    {
        await using var bridge = await BridgeHarness.StartAsync("{}", "--Dashboard:OperatorToken=" + Token);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bridge.DashboardUrl };

        var api = await http.GetAsync(new Uri("/api/accounts", UriKind.Relative));
        var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var health = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var withToken = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/accounts", UriKind.Relative));
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var allowed = await http.SendAsync(withToken);
        using var settingsRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/settings", UriKind.Relative));
        settingsRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var settings = await (await http.SendAsync(settingsRequest)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("""{"key":"Dashboard:OperatorToken","value":"********","restartOnly":true}""", settings, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_WithoutAToken_AcceptsAScriptsJsonButNotAFormOrACrossSiteRequest()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };

        using var form = new FormUrlEncodedContent([new("reason", "x")]);
        var formPost = await http.PostAsync(new Uri("/api/accounts/7301/halt", UriKind.Relative), form);
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/accounts/7301/halt", UriKind.Relative)) { Content = Json("{}") };
        crossSite.Headers.Add("Origin", "https://elsewhere.example");
        var crossSitePost = await http.SendAsync(crossSite);
        // A login the service has never seen can be halted ahead of its terminal connecting.
        var script = await http.PostAsync(new Uri("/api/accounts/7301/halt", UriKind.Relative), Json("""{"reason":"before it connects"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, formPost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, crossSitePost.StatusCode);
        Assert.Equal("""{"login":7301,"tradingState":"HALTED"}""", await script.Content.ReadAsStringAsync());
        using var desk = new SimulatedDesk(bridge, 7301);
        var check = desk[7301].Check("EURUSD", WireSide.Buy, 0.10m, null, TimeSpan.FromSeconds(10));
        Assert.Contains(check.Reasons, r => r.Code == ReasonCode.TradingHalted);
    }

    [Fact]
    public async Task LoopbackDashboard_AddressedByAnotherHostName_IsRefused()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };
        using var rebound = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/accounts", UriKind.Relative));
        rebound.Headers.Host = "attacker.example";

        var refused = await http.SendAsync(rebound);
        var served = await http.GetAsync(new Uri("/api/accounts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> Send(HttpClient http, string path, string body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
