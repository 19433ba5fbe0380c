namespace Mt4RiskBridge.Core;

/// <summary>
/// An order an EA wants to send. <see cref="Price"/> is required for pending orders; market orders use the
/// current quote. Stops of 0 or null mean none, as in MT4.
/// </summary>
public sealed record OrderRequest(
    string Symbol,
    Side Side,
    decimal Lots,
    OrderType OrderType = OrderType.Market,
    decimal? Price = null,
    decimal? StopLoss = null,
    decimal? TakeProfit = null,
    long Magic = 0,
    string? Comment = null)
{
    public bool HasStopLoss => StopLoss is > 0m;
}
