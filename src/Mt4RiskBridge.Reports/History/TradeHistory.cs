namespace Mt4RiskBridge.Reports;

/// <summary>
/// Everything the report reads from one MT4 file: closed trades, balance rows and the rows it could not use.
/// <see cref="CurrencyAssumed"/> is true when the file does not name its currency and USD was assumed.
/// </summary>
public sealed record TradeHistory(
    HistoryKind Kind,
    string? Account,
    string AccountCurrency,
    bool CurrencyAssumed,
    decimal? AccountLeverage,
    IReadOnlyList<ClosedTrade> Trades,
    IReadOnlyList<BalanceEntry> Balance,
    IReadOnlyList<UnusedRows> Unused);
