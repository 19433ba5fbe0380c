using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Mt4RiskBridge.TestSupport.Drills;

namespace Mt4RiskBridge.Tests.Cli;

/// <summary>
/// A loopback HTTP listener speaking the service's admin contract (<c>GET /api/service</c>,
/// <c>POST /api/accounts/{login}/halt|resume</c>), recording every request it is sent.
/// </summary>
internal sealed class AdminEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public AdminEndpoint(string? requiredToken = null)
    {
        Port = ServiceProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        RequiredToken = requiredToken;
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string? RequiredToken { get; }

    public ConcurrentQueue<(string Method, string Path, string? Authorization, string Body)> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener's pending accept ends with an exception when it is closed.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var authorization = context.Request.Headers["Authorization"];
            Requests.Enqueue((context.Request.HttpMethod, path, authorization, body));
            var (status, json) = Answer(context.Request.HttpMethod, path, authorization);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(json);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Json) Answer(string method, string path, string? authorization)
    {
        if (method == "GET" && path == "/api/service")
            return (200, $$"""{"name":"Mt4RiskBridge","version":"9.9.9","bridgeEndpoint":"tcp://127.0.0.1:5557","dashboardEndpoint":"{{Url}}","pid":4242}""");
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (method != "POST" || parts is not ["api", "accounts", var login, "halt" or "resume"]) return (404, "{}");
        if (RequiredToken is not null && authorization != "Bearer " + RequiredToken) return (401, "");
        return (200, $$"""{"login":{{login}},"tradingState":"{{(parts[3] == "halt" ? "halted" : "normal")}}"}""");
    }
}
