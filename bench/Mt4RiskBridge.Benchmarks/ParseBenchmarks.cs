using System.Text;
using BenchmarkDotNet.Attributes;
using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Benchmarks;

/// <summary>The wire parser alone, on the frames a terminal sends most: a tick and a pre-trade check.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly byte[] _tick = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"tick","symbol":"EURUSD","bid":1.10000,"ask":1.10020,"time":1763640000}""");

    private readonly byte[] _check = Encoding.UTF8.GetBytes(
        """{"v":1,"type":"check","id":"bench","symbol":"EURUSD","side":"buy","orderType":"market","lots":0.5,"sl":1.0950,"tp":1.1100,"magic":20261123,"comment":"round trip"}""");

    [Benchmark]
    public ClientMessage? TickFrame() => WireParser.Parse(_tick).Message;

    [Benchmark]
    public ClientMessage? CheckFrame() => WireParser.Parse(_check).Message;
}
