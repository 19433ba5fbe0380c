namespace Mt4RiskBridge.Core;

/// <summary>Lot arithmetic: sizes are always rounded down to the lot step, never up.</summary>
public static class LotSize
{
    /// <summary>A limit no rule reaches; larger than any real order.</summary>
    public const decimal Unlimited = 1_000_000_000m;

    // Below this a cost per lot times Unlimited cannot overflow, so the guard can multiply rather than divide.
    private const decimal MaxCostPerLot = 10_000_000_000_000_000_000m;

    public static decimal FloorToStep(decimal lots, decimal step)
    {
        if (lots <= 0m) return 0m;
        if (step <= 0m) return lots;
        return decimal.Floor(lots / step) * step;
    }

    public static bool IsMultipleOfStep(decimal lots, decimal step) => step <= 0m || lots % step == 0m;

    /// <summary>
    /// The largest order a linear budget allows: the lots that only reduce exposure are free, and beyond them
    /// every lot consumes <paramref name="costPerLot"/> of the <paramref name="slackAtReducible"/> left there.
    /// </summary>
    public static decimal LinearLimit(decimal reducible, decimal slackAtReducible, decimal costPerLot)
    {
        if (slackAtReducible <= 0m) return reducible;
        // A budget this much larger than the cost per lot allows more than any broker accepts.
        if (costPerLot <= 0m || (costPerLot < MaxCostPerLot && slackAtReducible > costPerLot * Unlimited)) return Unlimited;
        if (costPerLot >= MaxCostPerLot && slackAtReducible / Unlimited > costPerLot) return Unlimited;
        return Math.Min(Unlimited, reducible + slackAtReducible / costPerLot);
    }
}
