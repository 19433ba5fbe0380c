
namespace Mt4RiskBridge.Protocol;

/// <summary>
/// An open market position as the terminal lists it. Stops of 0 mean none; money is in the account currency;
/// <see cref="OpenTime"/> is broker server time (unix seconds).
/// </summary>
public sealed record WirePosition(
    long Ticket,
    string Symbol,
    WireSide Side,
    decimal Lots,
    decimal OpenPrice,
    decimal StopLoss = 0m,
    decimal TakeProfit = 0m,
    decimal Profit = 0m,
    decimal Swap = 0m,
    decimal Commission = 0m,
    long OpenTime = 0,
    long Magic = 0);
