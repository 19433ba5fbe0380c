using System.Net.Http.Json;
using System.Text.Json;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Dashboard;

/// <summary>The pages' event stream and the decision list, read as the scripts read them.</summary>
public sealed class EventStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DecisionEvents_ReachEveryOpenStreamInOrderAsTheSameBytes_AndTheListIsNewestFirst()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        BridgeSessionTests.StreamState(client, 1001, 10_000m);
        using var http = new HttpClient { BaseAddress = bridge.DashboardUrl };
        using var patience = new CancellationTokenSource(Patience);
        using var first = await OpenAsync(http, patience.Token);
        using var second = await OpenAsync(http, patience.Token);

        Assert.Equal("approve", client.Ask(Wire.Check("one", 0.10m)).GetProperty("verdict").GetString());
        Assert.Equal("approve", client.Ask(Wire.Check("two", 0.20m)).GetProperty("verdict").GetString());
        var seenByFirst = await DecisionsAsync(first, 2, patience.Token);
        var seenBySecond = await DecisionsAsync(second, 2, patience.Token);
        var list = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/decisions?limit=1", UriKind.Relative));
        var all = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/decisions", UriKind.Relative));

        Assert.Equal([("one", 0.10m), ("two", 0.20m)], seenByFirst.Select(d => IdAndLots(JsonDocument.Parse(d).RootElement)));
        Assert.Equal(seenByFirst, seenBySecond);
        Assert.Equal(["two"], list.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(["two", "one"], all.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    private static (string?, decimal) IdAndLots(JsonElement decision) => (decision.GetProperty("id").GetString(), decision.GetProperty("lots").GetDecimal());

    private static async Task<StreamReader> OpenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The data lines of the next <paramref name="count"/> decision events.</summary>
    private static async Task<List<string>> DecisionsAsync(StreamReader stream, int count, CancellationToken cancellationToken)
    {
        var decisions = new List<string>();
        var inDecision = false;
        while (decisions.Count < count && await stream.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) inDecision = line == "event: decision";
            else if (inDecision && line.StartsWith("data: ", StringComparison.Ordinal)) decisions.Add(line["data: ".Length..]);
        }
        return decisions;
    }
}
