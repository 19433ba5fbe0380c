namespace Mt4RiskBridge.Reports;

/// <summary>
/// Reads an MT4 Strategy Tester report (StrategyTester.htm). Each close row (close, s/l, t/p, close at stop)
/// is one trade with the lots it closed; its open time, side and open price come from the order's buy/sell row.
/// The report names no account currency: USD is assumed and the report says so.
/// </summary>
internal static class TesterReportReader
{
    // Columns of the tester's order table: # | Time | Type | Order | Size | Price | S/L | T/P | Profit | Balance.
    private const int Time = 1, Type = 2, Order = 3, Size = 4, Price = 5, StopLoss = 6, Profit = 8;

    private sealed record OpenOrder(DateTime Time, TradeSide Side, decimal Price, int Row);

    public static bool Recognizes(HtmlRows document) =>
        document.Title?.StartsWith("Strategy Tester", StringComparison.OrdinalIgnoreCase) == true;

    public static TradeHistory Read(HtmlRows document, string fileName)
    {
        decimal? deposit = null;
        string? symbol = null;
        var inOrders = false;
        var opens = new Dictionary<string, OpenOrder>(StringComparer.Ordinal);
        var closedOrders = new HashSet<string>(StringComparer.Ordinal);
        var trades = new List<ClosedTrade>();
        var unused = new UnusedRowList();

        foreach (var cells in document.Rows)
        {
            if (cells.Length == 0) continue;
            if (!inOrders)
            {
                for (var i = 0; i + 1 < cells.Length; i++)
                {
                    if (cells[i] == "Initial deposit" && CellText.TryNumber(cells[i + 1], out var amount)) deposit = amount;
                    if (cells[i] == "Symbol") symbol = cells[i + 1].Split(' ', 2)[0];
                }
                inOrders = cells[0] == "#" && cells.Length >= 10;
                continue;
            }
            // Open rows leave Profit and Balance as one spanned cell, so they have nine cells; close rows have ten.
            if (cells.Length < 9 || !HtmlRows.IsNumberCell(cells[0])) continue;
            ReadOrderRow(cells, symbol ?? "", opens, closedOrders, trades, unused);
        }

        if (!inOrders)
            throw new ReportInputException($"{fileName}: no order table (#, Time, Type, Order, ...) found; is this an MT4 Strategy Tester report?");
        if (deposit is null)
            throw new ReportInputException($"{fileName}: no 'Initial deposit' figure found; only English MT4 tester reports are read");
        if (symbol is null)
            throw new ReportInputException($"{fileName}: no 'Symbol' line found in the tester report");
        foreach (var order in opens.Keys.Where(o => !closedOrders.Contains(o)))
            unused.Add("open without a close", "the order was never closed in the test", order);

        // The initial deposit is a deposit at the first trade's time (the tester has no earlier events).
        var balance = trades.Count == 0
            ? (IReadOnlyList<BalanceEntry>)[]
            : [new BalanceEntry(trades.Min(t => t.OpenTime), deposit.Value, "Initial deposit")];
        return new TradeHistory(HistoryKind.TesterReport, null, "USD", CurrencyAssumed: true, null, trades, balance, unused.ToList());
    }

    private static void ReadOrderRow(string[] cells, string symbol, Dictionary<string, OpenOrder> opens,
        HashSet<string> closedOrders, List<ClosedTrade> trades, UnusedRowList unused)
    {
        var type = cells[Type].ToLowerInvariant();
        var order = cells[Order];
        var row = cells[0];
        var rowNumber = int.TryParse(row, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        switch (type)
        {
            case "buy" or "sell":
                if (CellText.TryTime(cells[Time], out var openTime) && CellText.TryNumber(cells[Price], out var openPrice))
                    opens[order] = new OpenOrder(openTime, type == "buy" ? TradeSide.Buy : TradeSide.Sell, openPrice, rowNumber);
                else
                    unused.Add($"{type} row", "its time or price could not be read", row);
                break;
            case "close" or "s/l" or "t/p" or "close at stop":
                if (!opens.TryGetValue(order, out var open))
                {
                    unused.Add("close without an open", "no buy or sell row for this order", row);
                }
                else if (CellText.TryTime(cells[Time], out var closeTime) && CellText.TryNumber(cells[Size], out var lots)
                    && CellText.TryNumber(cells[Price], out var closePrice) && CellText.TryNumber(cells[StopLoss], out var stopLoss)
                    && CellText.TryNumber(cells[Profit], out var profit))
                {
                    closedOrders.Add(order);
                    trades.Add(new ClosedTrade(order, open.Time, closeTime, open.Side, lots, symbol, open.Price, stopLoss,
                        closePrice, 0m, 0m, 0m, profit, open.Row, rowNumber));
                }
                else
                {
                    unused.Add($"{type} row", "a number or time in it could not be read", row);
                }
                break;
            case "modify":
                unused.Add("modify row", "a stop or target change, not a trade", row);
                break;
            default:
                unused.Add($"'{type}' row", "a pending order event, not a market trade", row);
                break;
        }
    }
}
