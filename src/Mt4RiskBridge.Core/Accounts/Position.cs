namespace Mt4RiskBridge.Core;

/// <summary>An open position as the terminal lists it. Money fields are in the account currency; times are broker server time (unix seconds).</summary>
public sealed record Position(
    long Ticket,
    string Symbol,
    Side Side,
    decimal Lots,
    decimal OpenPrice,
    decimal StopLoss = 0m,
    decimal TakeProfit = 0m,
    decimal Profit = 0m,
    decimal Swap = 0m,
    decimal Commission = 0m,
    long OpenTime = 0,
    long Magic = 0);
