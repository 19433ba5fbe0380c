namespace Mt4RiskBridge.Reports;

/// <summary>
/// Reads an MT4 Detailed Statement (Account History → Save as Detailed Report). Columns are found by their
/// header names, so a statement without the Taxes column reads as well.
/// </summary>
internal static class StatementReader
{
    private const string Closed = "Closed Transactions:";
    private const string Open = "Open Trades:";
    private const string Working = "Working Orders:";
    private const string Summary = "Summary:";

    public static bool Recognizes(HtmlRows document) =>
        document.Title?.StartsWith("Statement", StringComparison.OrdinalIgnoreCase) == true
        || document.Rows.Any(r => r.Length > 0 && r[0] == Closed);

    public static TradeHistory Read(HtmlRows document, string fileName)
    {
        string? account = null;
        string? currency = null;
        decimal? leverage = null;
        string? section = null;
        var sawSummary = false;
        StatementColumns? columns = null;
        var trades = new List<ClosedTrade>();
        var balance = new List<BalanceEntry>();
        var unused = new UnusedRowList();

        foreach (var cells in document.Rows)
        {
            if (cells.Length == 0) continue;
            if (section is null) ReadHeader(cells, ref account, ref currency, ref leverage);
            if (cells[0] is Closed or Open or Working or Summary)
            {
                section = cells[0];
                sawSummary |= section == Summary;
                continue;
            }
            if (cells[0] == "Ticket")
            {
                if (section == Closed) columns = StatementColumns.From(cells);
                continue;
            }
            if (!HtmlRows.IsNumberCell(cells[0])) continue; // totals and comment lines belong to the row above
            var ticket = cells[0];
            switch (section)
            {
                case Closed when columns is not null:
                    ReadClosedRow(cells, columns, trades, balance, unused);
                    break;
                case Open:
                    unused.Add("open trade", "still open when the statement was saved; only closed trades are counted", ticket);
                    break;
                case Working:
                    unused.Add("pending order", "a working order, not a trade", ticket);
                    break;
                default:
                    unused.Add("row outside a known section", "not in Closed Transactions", ticket);
                    break;
            }
        }

        if (columns is null)
            throw new ReportInputException($"{fileName}: no Closed Transactions table with a Ticket header; is this an MT4 Detailed Statement?");
        if (!sawSummary)
            throw new ReportInputException($"{fileName} is truncated: the statement's Summary section is missing");
        var assumed = string.IsNullOrWhiteSpace(currency);
        return new TradeHistory(HistoryKind.Statement, account, assumed ? "USD" : currency!.ToUpperInvariant(), assumed,
            leverage, trades, balance, unused.ToList());
    }

    private static void ReadHeader(string[] cells, ref string? account, ref string? currency, ref decimal? leverage)
    {
        foreach (var cell in cells)
        {
            if (cell.StartsWith("Account:", StringComparison.Ordinal)) account = cell["Account:".Length..].Trim();
            else if (cell.StartsWith("Currency:", StringComparison.Ordinal)) currency = cell["Currency:".Length..].Trim();
            else if (cell.StartsWith("Leverage:", StringComparison.Ordinal))
            {
                // Some brokers leave MT4's <!--LEVERAGE--> placeholder here instead of a number.
                var text = cell["Leverage:".Length..].Trim();
                if (text.StartsWith("1:", StringComparison.Ordinal) && CellText.TryNumber(text[2..], out var ratio) && ratio > 0m)
                    leverage = ratio;
            }
        }
    }

    private static void ReadClosedRow(string[] cells, StatementColumns columns, List<ClosedTrade> trades, List<BalanceEntry> balance, UnusedRowList unused)
    {
        var ticket = cells[0];
        var type = cells.Length > columns.Type ? cells[columns.Type].ToLowerInvariant() : "";
        switch (type)
        {
            case "balance":
                if (cells.Length >= 4 && CellText.TryTime(cells[columns.OpenTime], out var time) && CellText.TryNumber(cells[^1], out var amount))
                    balance.Add(new BalanceEntry(time, amount, cells[3]));
                else
                    unused.Add("balance row", "its time or amount could not be read", ticket);
                break;
            case "credit":
                unused.Add("credit row", "credit is not balance; it is not counted in balanceAt", ticket);
                break;
            case "buy" or "sell":
                if (columns.TryTrade(cells, out var trade)) trades.Add(trade!);
                else unused.Add($"{type} row", "a number or time in it could not be read, or it closes before it opens", ticket);
                break;
            default:
                if (cells.Any(c => c is "cancelled" or "deleted" or "expired"))
                    unused.Add("cancelled pending order", "never filled, so not a trade", ticket);
                else
                    unused.Add($"'{type}' row", "not a market trade or balance row", ticket);
                break;
        }
    }
}
