using System.Collections.Concurrent;
using CsCheck;
using Mt4RiskBridge.Core;
using Xunit.Abstractions;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>
/// Random accounts, symbols, quotes (some stale), policies, gate facts (trading state, weekend block, check rate,
/// unknown state or server time) and higher-margin windows, judged by the engine and re-checked by
/// <see cref="RuleOracle"/>: a decision that is not a reject must be the largest lot that keeps every rule, a reject
/// must leave no lot that does, and the rate limit and stale quotes must reject exactly when the oracle says so.
/// </summary>
public sealed class DecisionPropertyTests(ITestOutputHelper output)
{
    // A few seconds on a 2-core machine (about two when it is otherwise idle).
    private const long Iterations = 20_000;

    [Fact]
    public void Evaluate_RandomAccountsAndOrders_NonRejectIsLargestLotThatKeepsEveryRule()
    {
        var verdicts = new int[3];
        var binding = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var early = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var twoWindows = 0;
        var staleUnused = 0;

        ScenarioGen.Scenario.Sample(scenario =>
        {
            var decision = new RiskEngine(scenario.Policy).Evaluate(scenario.Check);
            Interlocked.Increment(ref verdicts[(int)decision.Verdict]);
            var spec = scenario.Spec;
            var requested = scenario.Check.Order.Lots;
            var oracle = new RuleOracle(scenario);
            var codes = string.Join(" | ", decision.Reasons.Select(r => r.Code + " " + r.MaxLots));

            // The rate limit and stale quotes reject before any rule is weighed, and only they give those codes.
            if (oracle.ExpectedRejectCode() is { } expected)
            {
                Assert.True(decision.Verdict == Verdict.Reject && decision.Reasons.Length == 1 && decision.Reasons[0].Code == expected, $"expected a {expected} reject; engine: {decision.Verdict} {codes}");
                early.AddOrUpdate(expected, 1, (_, n) => n + 1);
                return;
            }
            Assert.DoesNotContain(decision.Reasons, r => r.Code is ReasonCode.RateLimit or ReasonCode.StaleState);
            if (scenario.Check.Symbols.Specs.Any(s => scenario.QuoteOf(s.Name).ReceivedAt != scenario.Check.Now))
                Interlocked.Increment(ref staleUnused);
            if (scenario.Check.TradingState == TradingState.Halted) Assert.Equal(Verdict.Reject, decision.Verdict);
            if (decision.Verdict == Verdict.Reject)
            {
                // A reject is right only when no allowed size remains: the request or the symbol's maximum is below
                // the minimum lot, or the minimum lot itself breaks a rule.
                var most = Math.Floor(Math.Min(requested, spec.MaxLot) / spec.LotStep) * spec.LotStep;
                var constraints = oracle.Constraints(spec.MinLot);
                Assert.True(most < spec.MinLot || constraints.Any(c => c.BrokenOrAtBound), $"rejected, yet {spec.MinLot} lots keep every rule: {string.Join("; ", constraints)}; engine: {codes}");
                return;
            }
            // Every window in force is stated, with the lots decided under it.
            foreach (var window in scenario.Check.Windows)
                Assert.Contains(decision.Reasons, r => r.Code == window.Code && r.MaxLots == decision.Lots);
            if (scenario.Check.Windows.Length > 1) Interlocked.Increment(ref twoWindows);
            if (decision.Verdict == Verdict.Resize)
            {
                foreach (var reason in decision.Reasons) binding.AddOrUpdate(reason.Code, 1, (_, n) => n + 1);
            }

            var lots = decision.Lots;

            // (b) never above the request or the symbol's maximum, never below its minimum.
            Assert.InRange(lots, spec.MinLot, Math.Min(requested, spec.MaxLot));
            Assert.Equal(lots == requested ? Verdict.Approve : Verdict.Resize, decision.Verdict);
            // (c) a whole number of lot steps.
            Assert.Equal(0m, lots % spec.LotStep);
            // (a) every rule holds at the decided lots.
            var broken = oracle.Constraints(lots).Where(c => !c.Holds).ToList();
            Assert.True(broken.Count == 0, $"{lots} lots break {string.Join("; ", broken)}");
            // The reported margin level is the one at the decided lots.
            var level = oracle.MarginLevelAfter(lots);
            Assert.Equal(level is null, decision.MarginLevelAfter.IsInfinite);
            if (level is { } percent) Assert.Equal(Math.Round(percent, 8), Math.Round(decision.MarginLevelAfter.Percent, 8));
            // (d) one more step breaks a rule, unless the request or the symbol's maximum stopped it.
            var next = lots + spec.LotStep;
            if (next <= Math.Min(requested, spec.MaxLot))
            {
                var constraints = oracle.Constraints(next);
                Assert.True(constraints.Any(c => c.BrokenOrAtBound), $"{next} lots still keep every rule: {string.Join("; ", constraints)}; engine: {codes}");
            }
        }, iter: Iterations, print: s => s.ToString());

        // The generators must exercise resizing, not only approve or reject.
        var total = verdicts.Sum();
        output.WriteLine($"approve {verdicts[0]}, resize {verdicts[1]}, reject {verdicts[2]}; bound in resizes: {string.Join(", ", binding.OrderBy(kv => kv.Key, StringComparer.Ordinal))}");
        output.WriteLine($"rejected before the rules: {string.Join(", ", early)}; judged under two windows {twoWindows}; judged with a stale quote it did not need {staleUnused}");
        // Each early reject, two windows at once and a stale quote that is not needed must all come up.
        foreach (var code in new[] { ReasonCode.RateLimit, ReasonCode.StaleState })
            Assert.True(early.GetValueOrDefault(code) >= Iterations / 500, $"{code} expected in only {early.GetValueOrDefault(code)} cases");
        Assert.True(twoWindows >= Iterations / 500, $"only {twoWindows} non-rejects under two windows");
        Assert.True(staleUnused >= Iterations / 500, $"only {staleUnused} decisions with a stale quote they did not need");
        Assert.True(verdicts[(int)Verdict.Resize] >= total / 4, $"approve {verdicts[0]}, resize {verdicts[1]}, reject {verdicts[2]}");
        Assert.True(verdicts[(int)Verdict.Approve] >= total / 10, $"approve {verdicts[0]}, resize {verdicts[1]}, reject {verdicts[2]}");
        Assert.True(verdicts[(int)Verdict.Reject] >= total / 20, $"approve {verdicts[0]}, resize {verdicts[1]}, reject {verdicts[2]}");
        string[] rules =
        [
            ReasonCode.LotCapOrder, ReasonCode.LotCapSymbol, ReasonCode.LotCapTotal, ReasonCode.MaxPositions,
            ReasonCode.MarginFloor, ReasonCode.TierCrossing, ReasonCode.RiskPerTrade, ReasonCode.NoStopLoss,
            ReasonCode.EffectiveLeverage, ReasonCode.MaxLot, ReasonCode.LotStep,
            ReasonCode.TradingReducing, ReasonCode.WeekendBlock, ReasonCode.UnknownState, ReasonCode.WeekendWindow,
            ReasonCode.NewsWindow,
        ];
        foreach (var code in rules)
            Assert.True(binding.GetValueOrDefault(code) >= Iterations / 1_000, $"{code} bound in only {binding.GetValueOrDefault(code)} resizes: {string.Join(", ", binding)}");
    }
}
