using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// Replays a history's opens and closes in time order and measures, at each open, concurrency, stacking,
/// adds to losers, effective leverage and the margin level and refusals at every tested leverage.
/// </summary>
internal static class OpenSweep
{
    public static SweepResult Run(ClosedTrade[] trades, decimal?[] notional, BalanceTimeline balance, bool hasOpeningBalance, decimal? accountLeverage)
    {
        // Events: (time, rank, row, trade index). In a statement, closes sort before opens in the same second
        // (rank 0 before 1), except a trade's own close, which cannot precede its open (rank 2). A tester report
        // knows the true order within a minute: its row numbers.
        var events = new (long Ticks, int Rank, int Row, int Index)[trades.Length * 2];
        for (var i = 0; i < trades.Length; i++)
        {
            var t = trades[i];
            var ownCloseRank = t.CloseTime == t.OpenTime ? 2 : 0;
            events[2 * i] = (t.OpenTime.Ticks, t.OpenRow is null ? 1 : 0, t.OpenRow ?? 0, i);
            events[(2 * i) + 1] = (t.CloseTime.Ticks, t.CloseRow is null ? ownCloseRank : 0, t.CloseRow ?? 0, i);
        }
        Array.Sort(events);

        var leverages = LeverageAnalysis.TestedLeverages.Select(l => (Key: LeverageAnalysis.Key(l), Ratio: (decimal?)l)).ToList();
        leverages.Add((LeverageAnalysis.TiersKey, null));
        if (accountLeverage is { } own) leverages.Add((LeverageAnalysis.AccountKey, own));
        var minLevel = new decimal?[leverages.Count];
        var refused = new int[leverages.Count];
        var tiers = LeverageTierTable.Default;
        var stackKeys = trades.Select(t => (SymbolName.Core(t.Symbol), t.Side)).ToArray();

        var stacks = new Dictionary<(string, TradeSide), List<decimal>>();
        var opens = new List<OpenPoint>();
        int openCount = 0, maxConcurrent = 0, maxStacked = 0, adds = 0, evaluated = 0;
        var notionalSum = 0m;
        var peak = 0m;
        var opened = new bool[trades.Length];
        foreach (var (_, _, _, index) in events)
        {
            var trade = trades[index];
            if (!stacks.TryGetValue(stackKeys[index], out var stack)) stacks[stackKeys[index]] = stack = [];
            if (opened[index])
            {
                openCount--;
                stack.Remove(trade.OpenPrice);
                notionalSum -= notional[index] ?? 0m;
                continue;
            }
            opened[index] = true;
            // Adding to a loser: an open trade on this symbol and side is under water at the new open's price.
            if (stack.Exists(p => trade.Side == TradeSide.Buy ? p > trade.OpenPrice : p < trade.OpenPrice)) adds++;
            stack.Add(trade.OpenPrice);
            maxStacked = Math.Max(maxStacked, stack.Count);
            maxConcurrent = Math.Max(maxConcurrent, ++openCount);
            if (notional[index] is not { } n) continue;
            notionalSum += n;
            if (!hasOpeningBalance) continue;

            evaluated++;
            var b = balance.At(trade.OpenTime);
            decimal? level25 = null, level500 = null, levelTiers = null;
            for (var k = 0; k < leverages.Count; k++)
            {
                var (key, ratio) = leverages[k];
                var leverage = ratio ?? (tiers.TierFor(b).Leverage is { IsUnlimited: false } tier ? tier.Ratio : (decimal?)null);
                if (leverage is not { } l || notionalSum <= 0m) continue;
                // Margin level after the open: balance ÷ (Σ notional ÷ L), in percent.
                var level = b <= 0m ? 0m : b * l / notionalSum * 100m;
                if (minLevel[k] is null || level < minLevel[k]) minLevel[k] = level;
                // Refused when its margin exceeds the balance less the margin already used: Σ notional ÷ L > balance.
                if (notionalSum > b * l) refused[k]++;
                if (key == "25") level25 = level;
                else if (key == "500") level500 = level;
                else if (key == LeverageAnalysis.TiersKey) levelTiers = level;
            }
            var effective = b > 0m ? notionalSum / b : 0m;
            peak = Math.Max(peak, effective);
            opens.Add(new OpenPoint(trade.OpenTime, effective, level25, level500, levelTiers));
        }
        var figures = leverages.Select((l, k) => new LeverageFigure(l.Key, minLevel[k], refused[k])).ToDictionary(f => f.Key);
        return new SweepResult(maxConcurrent, maxStacked, adds, evaluated, peak, figures, opens);
    }
}
