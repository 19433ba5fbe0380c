namespace Mt4RiskBridge.Core;

/// <summary>
/// The ranges a contract's figures must fall in before a decision trusts them. A figure outside them is not a
/// contract any broker trades but a terminal bug or a forged message, and one of them (a futures initial margin of
/// 0, a tick value of 0) would otherwise charge nothing and approve any size.
/// </summary>
internal static class ContractRanges
{
    /// <summary>Smallest and largest contract size (units per lot) of any calc mode; forex lots are at least one unit.</summary>
    public const decimal MinContractSize = 0.0001m;

    public const decimal MaxContractSize = 100_000_000m;

    /// <summary>Largest MODE_MAXLOT accepted.</summary>
    public const decimal MaxLot = 1_000_000m;

    /// <summary>What is implausible about <paramref name="spec"/>, or null when every figure is in range.</summary>
    public static string? Problem(SymbolSpec spec)
    {
        var minContract = spec.MarginCalcMode == MarginCalcMode.Forex ? 1m : MinContractSize;
        if (spec.ContractSize < minContract || spec.ContractSize > MaxContractSize)
            return ReasonText.ContractSizeOutOfRange(spec.ContractSize, minContract, MaxContractSize);
        if (spec.TickValue <= 0m) return ReasonText.TickValueNotPositive(spec.TickValue);
        if (spec.MinLot <= 0m || spec.MaxLot < spec.MinLot || spec.MaxLot > MaxLot)
            return ReasonText.LotRangeImplausible(spec.MinLot, spec.MaxLot, MaxLot);
        if (spec.MarginHedged < 0m || spec.MarginHedged > spec.ContractSize)
            return ReasonText.HedgedMarginOutOfRange(spec.MarginHedged, spec.ContractSize);
        if (spec.MarginCalcMode == MarginCalcMode.Futures && spec.MarginInitial <= 0m && spec.MarginRequired is not > 0m)
            return ReasonText.FuturesWithoutMargin(spec.MarginInitial);
        if (spec.MarginInitial < 0m || spec.MarginRequired is < 0m)
            return ReasonText.NegativeMargin();
        return null;
    }
}
