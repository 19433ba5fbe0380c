namespace Mt4RiskBridge.Reports;

/// <summary>Where each field sits in a statement's Closed Transactions rows, from the header row.</summary>
internal sealed record StatementColumns(
    int OpenTime, int Type, int Size, int Item, int OpenPrice, int StopLoss, int CloseTime, int ClosePrice,
    int Commission, int? Taxes, int Swap, int Profit)
{
    public static StatementColumns? From(string[] header)
    {
        var names = header.Select(h => h.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToArray();
        int At(string name, int occurrence = 0)
        {
            var seen = 0;
            for (var i = 0; i < names.Length; i++)
            {
                if (names[i] == name && seen++ == occurrence) return i;
            }
            return -1;
        }
        var taxes = At("taxes");
        var columns = new StatementColumns(At("opentime"), At("type"), At("size"), At("item"), At("price"), At("s/l"),
            At("closetime"), At("price", 1), At("commission"), taxes < 0 ? null : taxes, At("swap"), At("profit"));
        int[] required = [columns.OpenTime, columns.Type, columns.Size, columns.Item, columns.OpenPrice, columns.StopLoss,
            columns.CloseTime, columns.ClosePrice, columns.Commission, columns.Swap, columns.Profit];
        return required.All(i => i >= 0) ? columns : null;
    }

    public bool TryTrade(string[] cells, out ClosedTrade? trade)
    {
        trade = null;
        if (cells.Length <= Profit) return false;
        decimal taxes = 0m;
        if (!CellText.TryTime(cells[OpenTime], out var open) || !CellText.TryTime(cells[CloseTime], out var close)
            || !CellText.TryNumber(cells[Size], out var lots) || !CellText.TryNumber(cells[OpenPrice], out var openPrice)
            || !CellText.TryNumber(cells[StopLoss], out var stopLoss) || !CellText.TryNumber(cells[ClosePrice], out var closePrice)
            || !CellText.TryNumber(cells[Commission], out var commission) || !CellText.TryNumber(cells[Swap], out var swap)
            || !CellText.TryNumber(cells[Profit], out var profit)
            || (Taxes is { } t && !CellText.TryNumber(cells[t], out taxes))
            || close < open || lots <= 0m)
        {
            return false;
        }
        var side = cells[Type].Equals("buy", StringComparison.OrdinalIgnoreCase) ? TradeSide.Buy : TradeSide.Sell;
        trade = new ClosedTrade(cells[0], open, close, side, lots, cells[Item], openPrice, stopLoss, closePrice,
            commission, taxes, swap, profit);
        return true;
    }
}
