namespace Mt4RiskBridge.Core;

/// <summary>
/// What must be true before any rule can be trusted: a sane order, a known symbol with a plausible contract
/// (<see cref="ContractRanges"/>), fresh account state and a fresh, usable quote, and stops on the right side of
/// the entry. Anything else rejects with its own code.
/// </summary>
internal static class DataQualityCheck
{
    public static Reason? Validate(OrderCheck check, FreshQuotes quotes, out SymbolSpec? spec, out Quote? quote, out decimal entry)
    {
        spec = null;
        quote = null;
        entry = 0m;
        var order = check.Order;
        if (order.Lots <= 0m) return Invalid(ReasonText.LotsNotPositive(order.Lots));
        if (order.Price is <= 0m) return Invalid(ReasonText.PriceNotPositive(order.Price.Value));
        if (order.StopLoss is < 0m) return Invalid(ReasonText.NegativeStop("stop loss", order.StopLoss.Value));
        if (order.TakeProfit is < 0m) return Invalid(ReasonText.NegativeStop("take profit", order.TakeProfit.Value));
        if (order.OrderType != OrderType.Market && order.Price is null)
            return Invalid(ReasonText.PendingWithoutPrice(order.OrderType));

        if (!check.Symbols.TryGet(order.Symbol, out spec))
            return new Reason(ReasonCode.UnknownSymbol, ReasonText.UnknownSymbol(order.Symbol), 0m);
        if (spec.LotStep <= 0m || spec.TickSize <= 0m || spec.ContractSize <= 0m)
            return Invalid(ReasonText.UnusableContract(spec));
        if (ContractRanges.Problem(spec) is { } implausible)
            return Invalid(ReasonText.ImplausibleContract(spec.Name, spec.MarginCalcMode, implausible));

        // A negative age means the clock went back since the state arrived: how old it really is cannot be known.
        var accountAge = check.Now - check.Account.ReceivedAt;
        if (accountAge < TimeSpan.Zero)
            return new Reason(ReasonCode.StaleState, ReasonText.AgedOnAClockThatWentBack("account state", accountAge), 0m);
        if (accountAge > check.StaleAfter)
            return new Reason(ReasonCode.StaleState, ReasonText.StaleAccount(accountAge, check.StaleAfter), 0m);

        if (!quotes.TryGetQuote(order.Symbol, out quote))
            return quotes.Explain(new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(order.Symbol), 0m));
        if (quote.Bid <= 0m || quote.Ask <= 0m || quote.Ask < quote.Bid)
            return new Reason(ReasonCode.NoQuote, ReasonText.NoQuote(order.Symbol), 0m);

        entry = order.OrderType == OrderType.Market ? quote.PriceFor(order.Side) : order.Price!.Value;
        return ValidateStops(order, spec, entry);
    }

    private static Reason? ValidateStops(OrderRequest order, SymbolSpec spec, decimal entry)
    {
        var buy = order.Side == Side.Buy;
        var minDistance = spec.StopLevel * spec.Point;
        if (order.HasStopLoss)
        {
            var sl = order.StopLoss!.Value;
            if (buy ? sl >= entry : sl <= entry)
                return Invalid(ReasonText.StopWrongSide("stop loss", sl, buy, entry));
            if (Math.Abs(entry - sl) < minDistance)
                return Invalid(ReasonText.StopTooClose("stop loss", sl, entry, spec.StopLevel));
        }
        if (order.TakeProfit is > 0m and var tp)
        {
            if (buy ? tp <= entry : tp >= entry)
                return Invalid(ReasonText.StopWrongSide("take profit", tp, buy, entry));
            if (Math.Abs(tp - entry) < minDistance)
                return Invalid(ReasonText.StopTooClose("take profit", tp, entry, spec.StopLevel));
        }
        return null;
    }

    private static Reason Invalid(string problem) => new(ReasonCode.InvalidOrder, ReasonText.InvalidOrder(problem), 0m);
}
