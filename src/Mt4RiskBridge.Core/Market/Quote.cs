namespace Mt4RiskBridge.Core;

/// <summary>
/// A bid/ask pair. <see cref="ServerTime"/> is the broker's clock (unix seconds) and is only reported;
/// <see cref="ReceivedAt"/> is when the service received it, on the service's clock, and is what ages a quote.
/// </summary>
public sealed record Quote(string Symbol, decimal Bid, decimal Ask, long ServerTime, DateTimeOffset ReceivedAt)
{
    /// <summary>The price an order of <paramref name="side"/> fills at: ask for buys, bid for sells.</summary>
    public decimal PriceFor(Side side) => side == Side.Buy ? Ask : Bid;
}
