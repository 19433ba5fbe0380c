using System.Globalization;
using System.Text;

namespace Mt4RiskBridge.TestSupport.Statements;

/// <summary>
/// Writes an MT4 Detailed Statement in the exact HTML layout MT4 saves (rows, classes, space-separated
/// thousands), with a chosen number of closed trades on majors, crosses, gold and one non-FX symbol,
/// overlapping positions, weekends, financing rows, cancelled pending orders and open trades. Deterministic.
/// Besides the HTML it returns the totals of what it wrote, added up as it writes each row, so a test can hold
/// the report's reading of the file against them.
/// </summary>
public static class SyntheticStatement
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private const decimal Deposit = 100_000m;

    private static readonly (string Symbol, decimal Price, int Digits, decimal UsdPerPoint)[] Symbols =
    [
        ("eurusd", 1.0850m, 5, 1m), ("gbpusd", 1.2650m, 5, 1m), ("usdjpy", 148.20m, 3, 0.0067m),
        ("usdcad", 1.3550m, 5, 0.74m), ("audusd", 0.6650m, 5, 1m), ("eurjpy", 160.80m, 3, 0.0067m),
        ("gbpjpy", 187.40m, 3, 0.0067m), ("xauusd", 2030.00m, 2, 1m), ("audcad", 0.9010m, 5, 0.74m),
        ("xtiusd", 75.50m, 2, 1m),
    ];

    public static GeneratedStatement Build(int trades, int seed = 14)
    {
        var random = new Random(seed);
        var html = new StringBuilder(trades * 700);
        html.Append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n<html>\n  <head>\n")
            .Append("    <title>Statement: 5550001 - Synthetic</title>\n  </head>\n<body topmargin=1 marginheight=1>\n<div align=center>\n")
            .Append("<div style=\"font: 20pt Times New Roman\"><b>Synthetic Broker Ltd</b></div><br>\n\n\n<table cellspacing=1 cellpadding=3 border=0>\n")
            .Append("<tr align=left>\n    <td colspan=2><b>Account: 5550001</b></td>\n    <td colspan=5><b>Name: Synthetic</b></td>\n")
            .Append("    <td colspan=2><b>Currency: USD</b></td>\n    <td colspan=2><b>Leverage: <!--LEVERAGE--></b></td>\n")
            .Append("    <td colspan=3 align=right><b>2025 March 1, 10:00</b></td></tr>\n\n")
            .Append("<tr align=left><td colspan=14><b>Closed Transactions:</b></td></tr>\n<tr align=center bgcolor=\"#C0C0C0\">\n")
            .Append("   <td>Ticket</td><td nowrap>Open Time</td><td>Type</td><td>Size</td><td>Item</td>\n")
            .Append("   <td>Price</td><td>S / L</td><td>T / P</td><td nowrap>Close Time</td>\n")
            .Append("   <td>Price</td><td>Commission</td><td>Taxes</td><td>Swap</td><td>Profit</td></tr>\n");

        var ticket = 10_000_000L;
        var time = new DateTime(2023, 1, 3, 1, 0, 0);
        Balance(html, ++ticket, time.AddHours(-1), Deposit, "Deposit");
        var prices = Symbols.Select(s => s.Price).ToArray();
        var (lotsWritten, net, withdrawn, withStop) = (0m, 0m, 0m, 0);
        for (var i = 0; i < trades; i++)
        {
            time = time.AddMinutes(random.Next(5, 90));
            if (time.DayOfWeek == DayOfWeek.Saturday) time = time.AddDays(2);
            if (time.DayOfWeek == DayOfWeek.Sunday) time = time.AddDays(1);
            var s = random.Next(Symbols.Length);
            var (symbol, _, digits, usdPerPoint) = Symbols[s];
            prices[s] *= 1m + ((decimal)(random.NextDouble() - 0.5) * 0.004m);
            var open = Math.Round(prices[s], digits);
            var buy = random.Next(2) == 0;
            var lots = Math.Round(0.01m + ((decimal)random.NextDouble() * 2m), 2);
            var move = Math.Round(open * (decimal)(random.NextDouble() - 0.48) * 0.01m, digits);
            var close = open + move;
            var stop = random.Next(10) < 7 ? Math.Round(buy ? open * 0.995m : open * 1.005m, digits) : 0m;
            var closeTime = time.AddMinutes(random.Next(3, 60 * 72));
            var contract = symbol.StartsWith("xau", StringComparison.Ordinal) ? 100m : symbol == "xtiusd" ? 1_000m : 100_000m;
            var profit = Math.Round((buy ? move : -move) * lots * contract * usdPerPoint, 2);
            var commission = -Math.Round(lots * 7m, 2);
            var swap = closeTime.Date > time.Date ? -Math.Round(lots * 1.3m, 2) : 0m;
            lotsWritten += lots;
            net += profit + commission + swap;
            if (stop != 0m) withStop++;
            html.Append(i % 2 == 0 ? "<tr align=right>" : "<tr bgcolor=#E0E0E0 align=right>")
                .Append("<td>").Append(++ticket).Append("</td><td class=msdate nowrap>").Append(Time(time))
                .Append("</td><td>").Append(buy ? "buy" : "sell").Append("</td><td class=mspt>").Append(lots.ToString("0.00", C))
                .Append("</td><td>").Append(symbol).Append("</td>");
            Price(html, open, digits);
            Price(html, stop, digits);
            Price(html, 0m, digits);
            html.Append("<td class=msdate nowrap>").Append(Time(closeTime)).Append("</td>");
            Price(html, close, digits);
            html.Append("<td class=mspt>").Append(Money(commission)).Append("</td><td class=mspt>0.00</td><td class=mspt>")
                .Append(Money(swap)).Append("</td><td class=mspt>").Append(Money(profit)).Append("</td></tr>\n");
            if (i % 97 == 0)
            {
                var financing = Math.Round((decimal)random.NextDouble() * 5m, 2);
                withdrawn += financing;
                Balance(html, ++ticket, time.AddSeconds(30), -financing, "Financing");
            }
            if (i % 211 == 0)
            {
                html.Append("<tr align=right><td title=\"cancelled\">").Append(++ticket).Append("</td><td class=msdate nowrap>")
                    .Append(Time(time)).Append("</td><td>buy limit</td><td class=mspt>0.50</td><td>").Append(symbol).Append("</td>");
                Price(html, open, digits);
                Price(html, 0m, digits);
                Price(html, 0m, digits);
                html.Append("<td class=msdate nowrap>").Append(Time(time.AddHours(1))).Append("</td>");
                Price(html, open, digits);
                html.Append("<td colspan=4>cancelled</td></tr>\n");
            }
        }
        html.Append("<tr align=left><td colspan=14><b>Open Trades:</b></td></tr>\n<tr align=center bgcolor=\"#C0C0C0\">\n")
            .Append("    <td>Ticket</td><td nowrap>Open Time</td><td>Type</td><td>Size</td><td>Item</td>\n")
            .Append("    <td>Price</td><td>S / L</td><td>T / P</td><td>&nbsp;</td>\n    <td>Price</td><td>Commission</td><td>Taxes</td><td>Swap</td><td>Profit</td></tr>\n")
            .Append("<tr align=right><td colspan=13 align=center>No transactions</td></tr>\n")
            .Append("<tr align=left><td colspan=14><b>Working Orders:</b></td></tr>\n")
            .Append("<tr align=right><td colspan=13 align=center>No transactions</td></tr>\n")
            .Append("<tr align=left><td colspan=14><b>Summary:</b></td></tr>\n")
            .Append("<tr align=right><td colspan=2><b>Balance:</b></td><td colspan=2 class=mspt><b>0.00</b></td></tr>\n")
            .Append("</table>\n</div></body></html>\n");
        return new GeneratedStatement(html.ToString(), trades, lotsWritten, net, Deposit, withdrawn, withStop);
    }

    private static void Balance(StringBuilder html, long ticket, DateTime time, decimal amount, string comment) =>
        html.Append("<tr align=right><td title=\"").Append(comment).Append("\">").Append(ticket)
            .Append("</td><td class=msdate nowrap>").Append(Time(time)).Append("</td><td>balance</td><td colspan=10 align=left>")
            .Append(comment).Append("</td><td class=mspt>").Append(Money(amount)).Append("</td></tr>\n");

    private static void Price(StringBuilder html, decimal price, int digits) =>
        html.Append("<td style=\"mso-number-format:0\\.").Append('0', digits).Append(";\">")
            .Append(price.ToString("F" + digits.ToString(C), C)).Append("</td>");

    private static string Time(DateTime time) => time.ToString("yyyy.MM.dd HH:mm:ss", C);

    // MT4 separates thousands with a space.
    private static string Money(decimal amount) => amount.ToString("#,0.00", C).Replace(',', ' ');
}
