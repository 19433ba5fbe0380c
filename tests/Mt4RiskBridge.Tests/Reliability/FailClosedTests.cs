using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Sessions.Handlers;
using Mt4RiskBridge.Transport;
using Mt4RiskBridge.Tests.Bridge;

namespace Mt4RiskBridge.Tests.Reliability;

/// <summary>
/// Arithmetic the engine cannot do (decimal overflow on an absurd but well-formed quote) stands in for any failure
/// inside an evaluation: the answer must be a reject with <c>engine_error</c>, never an approval, and the service
/// must go on serving. (Absurd contracts no longer get that far: they are refused as implausible.)
/// </summary>
public sealed class FailClosedTests
{
    // 28 significant digits: the most the protocol reads, and far past what lots x contract size x price can hold.
    private const string Huge = "7922816251426433759354395033";

    private static readonly string AbsurdTick =
        $$"""{"v":1,"type":"tick","symbol":"EURUSD","bid":{{Huge}},"ask":{{Huge}},"time":1763640000}""";

    private const string AccountWithId = """{"v":1,"type":"account","id":"a","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""";

    [Fact]
    public async Task Check_WhoseEvaluationThrows_IsRejectedWithEngineError()
    {
        await using var bridge = await BridgeHarness.StartAsync();
        var client = bridge.Dealer();
        client.Ask(Wire.Hello(1001));
        client.Send(Wire.EurUsdSpec);
        client.Send(AbsurdTick);
        client.Send(Wire.NoPositions);
        Assert.Equal("ack", client.Ask(AccountWithId).GetProperty("type").GetString());

        var decision = client.Ask(Wire.Check("boom", 1m));

        Assert.Equal(("decision", "boom", "reject", 0m),
            (decision.GetProperty("type").GetString(), decision.GetProperty("id").GetString(), decision.GetProperty("verdict").GetString(), decision.GetProperty("lots").GetDecimal()));
        Assert.Equal(["engine_error"], decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        // The account's next quote, and the service, carry on.
        client.Send(Wire.EurUsdTick);
        Assert.Equal("approve", client.Ask(Wire.Check("fine", 1m)).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Message_WhoseHandlingThrowsOutsideTheEngine_GetsEngineErrorAndTheServiceLivesOn()
    {
        // A logger that fails on one account's hello: a fault in the session code, not in the engine.
        var failing = new FailingLogger<HelloHandler>("Account 666 ");
        var folder = Directory.CreateTempSubdirectory("mt4rb-fail").FullName;
        using var host = BridgeApp.CreateHost(
            ["--Bridge:Endpoint=tcp://127.0.0.1:0", "--Dashboard:Endpoint=http://127.0.0.1:0", "--Bridge:AuditPath=" + Path.Combine(folder, "decisions.jsonl"), "--Bridge:LogDirectory=",
             "--Limits:StatePath=" + Path.Combine(folder, "state.db"), "--Serilog:MinimumLevel:Default=Warning"],
            services => services.AddSingleton<ILogger<HelloHandler>>(failing));
        await host.StartAsync();
        var endpoint = host.Services.GetRequiredService<BridgeEndpoint>().BoundAddress;
        using var client = TestClient.Dealer(endpoint);
        using var other = TestClient.Dealer(endpoint);

        var reply = client.Ask(Wire.Hello(666, id: "doomed"));

        Assert.Equal(("error", "engine_error", "doomed"),
            (reply.GetProperty("type").GetString(), reply.GetProperty("code").GetString(), reply.GetProperty("id").GetString()));
        Assert.Equal(1, failing.Failures);
        Assert.Equal("welcome", other.Ask(Wire.Hello(2002, id: "o")).GetProperty("type").GetString());
        Assert.Equal("ack", other.Ask("""{"v":1,"type":"heartbeat","id":"alive"}""").GetProperty("type").GetString());
        await host.StopAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Throws from every log call whose text contains <c>trigger</c>.</summary>
    private sealed class FailingLogger<T>(string trigger) : ILogger<T>
    {
        private int _failures;

        public int Failures => Volatile.Read(ref _failures);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!formatter(state, exception).Contains(trigger, StringComparison.Ordinal)) return;
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("injected failure");
        }
    }
}
