using BenchmarkDotNet.Attributes;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Benchmarks;

/// <summary>
/// One pre-trade evaluation against a busy account: 200 open positions on 30 symbols (majors, crosses, JPY pairs
/// and metals, so margin and notional go through conversions), every rule switched on. A short job (1 launch,
/// 3 warm-ups, 10 measured iterations) keeps a run to well under a minute.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EvaluationBenchmarks
{
    private RiskEngine _engine = null!;
    private OrderCheck _approve = null!;
    private OrderCheck _resize = null!;

    [GlobalSetup]
    public void Setup()
    {
        var book = BusyAccount.Create();
        _engine = new RiskEngine(BusyAccount.Policy);
        _approve = book with { Order = new OrderRequest("EURUSD", Side.Buy, 0.50m, StopLoss: 1.0950m) };
        // Asks for far more than the 1% risk budget allows, so the engine explains a resize.
        _resize = book with { Order = new OrderRequest("GBPJPY", Side.Sell, 20m, StopLoss: 192.500m) };
        Expect(_approve, Verdict.Approve);
        Expect(_resize, Verdict.Resize);
    }

    private void Expect(OrderCheck check, Verdict verdict)
    {
        var decision = _engine.Evaluate(check);
        if (decision.Verdict != verdict)
            throw new InvalidOperationException($"expected {verdict}, got {decision.Verdict}: {string.Join("; ", decision.Reasons.Select(r => r.Message))}");
    }

    [Benchmark(Baseline = true)]
    public Decision EvaluationApprove() => _engine.Evaluate(_approve);

    [Benchmark]
    public Decision EvaluationResize() => _engine.Evaluate(_resize);
}
