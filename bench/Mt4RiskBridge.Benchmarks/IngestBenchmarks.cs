using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mt4RiskBridge.Audit;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Benchmarks;

/// <summary>The socket thread's work for one message, without the socket: parse, apply, reply.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private static readonly byte[] Identity = [0, 1, 2, 3, 4];
    private static readonly byte[] Tick = Encoding.UTF8.GetBytes("""{"v":1,"type":"tick","symbol":"EURUSD","bid":1.10000,"ask":1.10020,"time":1763640000}""");
    private static readonly byte[] Check = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"check","id":"bench","symbol":"EURUSD","side":"buy","orderType":"market","lots":0.5,"sl":1.0950,"tp":1.1100,"magic":20261123,"comment":"round trip"}""");

    private IHost _host = null!;
    private ConnectionTable _connections = null!;
    private MessageRouter _router = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _host = BridgeApp.CreateHost(["--Bridge:LogDirectory=", "--Dashboard:Enabled=false", "--Serilog:MinimumLevel:Default=Warning", "--Limits:MaxChecksPerSecond=0", "--Bridge:MaxMessagesPerSecond=10000000",
            "--Limits:StatePath=" + Path.Combine(Path.GetTempPath(), "mt4rb-bench-state.db"), "--Bridge:AuditPath=" + Path.GetTempFileName()]);
        _connections = _host.Services.GetRequiredService<ConnectionTable>();
        _router = _host.Services.GetRequiredService<MessageRouter>();
        // Decisions are refused unless they can be audited, so the audit file must be open.
        _host.Services.GetRequiredService<AuditTrail>().StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _now = DateTimeOffset.UtcNow;
        var connection = _connections.Connect(Identity, _now);
        foreach (var frame in new[]
        {
            """{"v":1,"type":"hello","id":"h","account":1001,"server":"Bench","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent"}""",
            """{"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0}""",
            """{"v":1,"type":"positions","positions":[]}""",
            """{"v":1,"type":"account","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000}""",
        })
        {
            _router.Handle(connection, Encoding.UTF8.GetBytes(frame), _now);
        }
        _router.Handle(connection, Tick, _now);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Services.GetRequiredService<AuditTrail>().StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark]
    public byte[]? TickMessage() => _router.Handle(_connections.Connect(Identity, _now), Tick, _now);

    [Benchmark]
    public byte[]? CheckMessage()
    {
        var reply = _router.Handle(_connections.Connect(Identity, _now), Check, _now);
        // Guard against measuring a refusal instead of a decision.
        return reply is not null && reply.AsSpan().IndexOf("\"verdict\":\"approve\""u8) >= 0 ? reply : throw new InvalidOperationException("no approval");
    }
}
