using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mt4RiskBridge.Cli;

/// <summary>
/// The running service's admin API as the command line uses it: who is listening (<c>GET /api/service</c>) and
/// halting or resuming one account (<c>POST /api/accounts/{login}/halt|resume</c>).
/// </summary>
internal sealed class AdminClient(HttpClient http, Uri endpoint, string? operatorToken)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What the command line says when the service turns the operator token down.</summary>
    public const string TokenRefused = "the service refused the operator token; set Dashboard:OperatorToken to the service's token";

    /// <summary>
    /// The service answering at the endpoint, or null with the reason when none does; <see cref="TokenRefused"/> when
    /// a service answered but turned the operator token down (the API asks for it whenever the service has one).
    /// </summary>
    public Task<(ServiceIdentity? Service, string? Problem)> IdentifyAsync(CancellationToken cancellationToken) =>
        ExchangeAsync<ServiceIdentity>(Authorized(new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, "api/service"))), async (response, cancel) =>
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return (null, TokenRefused);
            if (!response.IsSuccessStatusCode)
                return (null, string.Create(CultureInfo.InvariantCulture, $"GET /api/service answered {(int)response.StatusCode} {response.ReasonPhrase}; is this an Mt4RiskBridge service?"));
            var service = await response.Content.ReadFromJsonAsync<ServiceIdentity>(Json, cancel).ConfigureAwait(false);
            return service?.Name is null ? (null, "GET /api/service did not name a service; is this an Mt4RiskBridge service?") : (service, null);
        }, cancellationToken);

    /// <summary>Halts (<paramref name="halt"/>) or resumes the account; the account's trading state, or why not.</summary>
    public Task<(string? TradingState, string? Problem)> SetTradingAsync(long login, bool halt, string? reason, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/accounts/{login}/{(halt ? "halt" : "resume")}");
        var request = Authorized(new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) { Content = JsonContent.Create(new { reason = reason ?? "" }) });
        return ExchangeAsync<string>(request, async (response, cancel) =>
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return (null, TokenRefused);
            if (!response.IsSuccessStatusCode)
            {
                var detail = (await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false)).ReplaceLineEndings(" ").Trim();
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"the service answered {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail[..Math.Min(detail.Length, 200)] : "")}"));
            }
            var state = await response.Content.ReadFromJsonAsync<TradingStateReply>(Json, cancel).ConfigureAwait(false);
            return (state?.TradingState ?? "unknown", null);
        }, cancellationToken);
    }

    private HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(operatorToken)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);
        return request;
    }

    /// <summary>Sends the request and reads the answer; a refused connection, a timeout or a malformed answer is the problem.</summary>
    private async Task<(T? Value, string? Problem)> ExchangeAsync<T>(HttpRequestMessage request,
        Func<HttpResponseMessage, CancellationToken, Task<(T?, string?)>> read, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                return await read(response, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                return (null, ex.Message.TrimEnd('.'));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (null, "no answer within " + http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            }
            catch (JsonException ex)
            {
                return (null, $"{request.Method} {request.RequestUri?.AbsolutePath} answered something other than the admin API's JSON: {ex.Message}");
            }
        }
    }
}
