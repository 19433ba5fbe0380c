using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Tests.Bridge;
using Mt4RiskBridge.Web;

namespace Mt4RiskBridge.Tests.Dashboard;

public sealed class LiveBoardOverflowTests
{
    private static void Stream(TestClient client, long login, decimal price)
    {
        Assert.Equal("welcome", client.Ask(Wire.Hello(login)).GetProperty("type").GetString());
        client.Send(Wire.EurUsdSpec);
        client.Send(Wire.Tick("EURUSD", price, price));
        client.Send(Wire.Positions("p", (1, "buy", 1m, 1.1m)));
        Assert.Equal("ack", client.Ask(Wire.Account(10_000m, id: "a")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task AccountWhosePricesOverflowTheMarginArithmetic_LeavesTheBoardShowingTheOthersAndTheHostRunning()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        Stream(bridge.Dealer(), 1001, 1.1m);
        // A parseable price no market has: a margin at it exceeds what a decimal holds.
        Stream(bridge.Dealer(), 1002, 70_000_000_000_000_000_000_000_000_000m);
        var board = bridge.Host.Services.GetServices<IHostedService>().OfType<LiveBoard>().Single();

        board.Sample();

        var logins = JsonDocument.Parse(board.Rows.Json).RootElement.EnumerateArray().Select(r => r.GetProperty("login").GetInt64()).ToList();
        Assert.Contains(1001L, logins);
        Assert.False(bridge.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }
}
