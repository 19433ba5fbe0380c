namespace Mt4RiskBridge.Reports;

/// <summary>
/// One closed market trade as the file shows it. Times are the file's (server) time; money is in the account
/// currency; <see cref="Symbol"/> is written as in the file (lower-case, with any broker suffix).
/// <see cref="OpenRow"/> and <see cref="CloseRow"/> are the tester report's row numbers: its times have minutes
/// only, so within one minute the row order is the order of events. Statements leave them null.
/// </summary>
public sealed record ClosedTrade(
    string Ticket,
    DateTime OpenTime,
    DateTime CloseTime,
    TradeSide Side,
    decimal Lots,
    string Symbol,
    decimal OpenPrice,
    decimal StopLoss,
    decimal ClosePrice,
    decimal Commission,
    decimal Taxes,
    decimal Swap,
    decimal Profit,
    int? OpenRow = null,
    int? CloseRow = null)
{
    /// <summary>Profit + swap + commission + taxes: what the trade added to the balance.</summary>
    public decimal NetProfit => Profit + Swap + Commission + Taxes;
}
