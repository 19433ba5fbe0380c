namespace Mt4RiskBridge.Core;

/// <summary>
/// Applies the trading state to an order: HALTED rejects every opening order; REDUCING lets through only the lots
/// that reduce the symbol's net exposure (<c>trading_reducing</c> names that many as the most allowed).
/// </summary>
public static class TradingGate
{
    public static Reason? Check(TradingState state, string why, OrderRequest order, Portfolio portfolio, decimal lotStep)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(portfolio);
        switch (state)
        {
            case TradingState.Halted:
                return new Reason(ReasonCode.TradingHalted, ReasonText.TradingHalted(why), 0m);
            case TradingState.Reducing:
                var reducible = portfolio.ExposureOn(order.Symbol).ReducibleBy(order.Side);
                if (order.Lots <= reducible) return null;
                return new Reason(ReasonCode.TradingReducing, ReasonText.TradingReducing(why), LotSize.FloorToStep(reducible, lotStep));
            default:
                return null;
        }
    }
}
