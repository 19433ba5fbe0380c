using System.Runtime.CompilerServices;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Running totals of the held symbols' unlevered margin and net notional in contract units, per currency slot of
/// a <see cref="RateCache"/>, so that each symbol costs a few exact additions and the 28-digit conversion rates
/// are multiplied in once per currency rather than once per symbol and side. Lives on the stack.
/// </summary>
internal struct HeldTotals
{
    private Slots _slots;

    /// <summary>
    /// Adds one symbol's margin-currency units (buy and sell side, at leverage 1:1) and notional-currency units of
    /// its net position. False, with nothing added, when the margin slot already holds symbols at another cap.
    /// </summary>
    public bool TryAdd(int marginSlot, Leverage cap, decimal unitsBuy, decimal unitsSell, int notionalSlot, decimal netBuy, decimal netSell)
    {
        ref var margin = ref _slots[marginSlot];
        if (margin.HasMargin && margin.Cap != cap) return false;
        margin.HasMargin = true;
        margin.Cap = cap;
        if (unitsBuy != 0m) margin.UnitsBuy += unitsBuy;
        if (unitsSell != 0m) margin.UnitsSell += unitsSell;
        ref var notional = ref _slots[notionalSlot];
        if (netBuy != 0m) notional.NetBuy += netBuy;
        if (netSell != 0m) notional.NetSell += netSell;
        return true;
    }

    /// <summary>Puts one currency's margin units, already summed as <see cref="TryAdd"/> sums them, in an empty slot.</summary>
    public void SetMargin(int slot, Leverage cap, decimal unitsBuy, decimal unitsSell)
    {
        ref var margin = ref _slots[slot];
        margin.HasMargin = true;
        margin.Cap = cap;
        margin.UnitsBuy = unitsBuy;
        margin.UnitsSell = unitsSell;
    }

    /// <summary>Puts one currency's notional units, already summed as <see cref="TryAdd"/> sums them, in an empty slot.</summary>
    public void SetNotional(int slot, decimal netBuy, decimal netSell)
    {
        ref var notional = ref _slots[slot];
        notional.NetBuy = netBuy;
        notional.NetSell = netSell;
    }

    /// <summary>Net notional of everything added, account currency.</summary>
    public readonly decimal Notional(in RateCache rates)
    {
        var total = 0m;
        for (var i = 0; i < RateCache.Capacity; i++)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.NetBuy == 0m && slot.NetSell == 0m) continue;
            var (buy, sell) = rates.RatesIn(i);
            if (slot.NetBuy != 0m) total += slot.NetBuy * buy;
            if (slot.NetSell != 0m) total += slot.NetSell * sell;
        }
        return total;
    }

    /// <summary>Adds the margin of everything added, at each of <paramref name="tiers"/>, to <paramref name="atTier"/>.</summary>
    public readonly void AddMarginAtTiers(in RateCache rates, ReadOnlySpan<LeverageTier> tiers, Span<decimal> atTier)
    {
        // Convert each currency once, then pool the slots that share a cap so each tier divides once per cap.
        Span<bool> done = stackalloc bool[RateCache.Capacity];
        for (var i = 0; i < RateCache.Capacity; i++)
        {
            if (done[i] || !_slots[i].HasMargin) continue;
            var cap = _slots[i].Cap;
            var unlevered = 0m;
            for (var j = i; j < RateCache.Capacity; j++)
            {
                ref readonly var slot = ref _slots[j];
                if (done[j] || !slot.HasMargin || slot.Cap != cap) continue;
                done[j] = true;
                var (buy, sell) = rates.RatesIn(j);
                if (slot.UnitsBuy != 0m) unlevered += slot.UnitsBuy * buy;
                if (slot.UnitsSell != 0m) unlevered += slot.UnitsSell * sell;
            }
            if (unlevered == 0m) continue;
            decimal? atCap = null;
            for (var k = 0; k < tiers.Length; k++)
            {
                var leverage = tiers[k].Leverage;
                // Charged at the tier's leverage unless the symbols' own cap is lower.
                if (cap >= leverage) atTier[k] += leverage.MarginFor(unlevered);
                else atTier[k] += atCap ??= cap.MarginFor(unlevered);
            }
        }
    }

    private struct Slot
    {
        public bool HasMargin;
        public Leverage Cap;
        public decimal UnitsBuy;
        public decimal UnitsSell;
        public decimal NetBuy;
        public decimal NetSell;
    }

    [InlineArray(RateCache.Capacity)]
    private struct Slots
    {
        private Slot _first;
    }
}
