
namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Asks whether an order may be sent. <see cref="Price"/> is required for pending orders; a market order without
/// one is judged at the current quote. Stops of 0 or null mean none.
/// </summary>
public sealed record CheckMessage(
    string Symbol,
    WireSide Side,
    decimal Lots,
    WireOrderType OrderType = WireOrderType.Market,
    decimal? Price = null,
    decimal? StopLoss = null,
    decimal? TakeProfit = null,
    long Magic = 0,
    string? Comment = null,
    CheckSnapshot? Snapshot = null) : ClientMessage
{
    public override string Type => WireMessageType.Check;
}
