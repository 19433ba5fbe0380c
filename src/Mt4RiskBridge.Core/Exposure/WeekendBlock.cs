namespace Mt4RiskBridge.Core;

/// <summary>
/// Optionally refuses new exposure in the last <see cref="WeekendSettings.BlockNewPositionsMinutes"/> before the
/// symbol's market closes (<c>weekend_block</c>). Lots that only reduce the symbol's net exposure still pass.
/// </summary>
public static class WeekendBlock
{
    public static Reason? Check(OrderRequest order, SymbolSpec spec, Portfolio portfolio, MarketCalendar calendar, WeekendSettings settings, DateTime serverTime)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var minutes = settings.BlockNewPositionsMinutes;
        if (minutes <= 0 || !calendar.IsOpen(spec.Class, serverTime)) return null;
        if (calendar.NextClose(spec.Class, serverTime) is not { } close || close - serverTime > TimeSpan.FromMinutes(minutes)) return null;
        var reducible = portfolio.ExposureOn(spec.Name).ReducibleBy(order.Side);
        if (order.Lots <= reducible) return null;
        return new Reason(ReasonCode.WeekendBlock, ReasonText.WeekendBlock(spec.Name, minutes, close), LotSize.FloorToStep(reducible, spec.LotStep));
    }
}
