using System.Globalization;
using System.Net;
using System.Text;

namespace Mt4RiskBridge.Reports;

/// <summary>
/// The self-contained HTML report: verdict first, then the charts (SVG from ScottPlot, embedded as data URIs so
/// each keeps its own ids), the figures, and everything the report could not use. Nothing is fetched at view time.
/// </summary>
public static class HtmlReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Leverage report: ").Append(E(summary.File)).Append("</title>")
            .Append("<style>body{font:15px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px;color:#222}")
            .Append("h1{font-size:22px}.verdict{font-size:19px;font-weight:600;padding:12px 16px;background:#f3f6fb;border-left:5px solid #1f77b4}")
            .Append("figure{margin:18px 0}figure img{width:100%;height:auto;border:1px solid #ddd}")
            .Append("table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #e5e5e5;text-align:left}")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}</style></head><body>\n");
        html.Append("<h1>Leverage report: ").Append(E(summary.File)).Append("</h1>\n");
        html.Append("<p class=\"verdict\" id=\"verdict\">").Append(E(Capitalize(Verdict.For(summary)))).Append(".</p>\n");
        html.Append("<p>").Append(E(Describe(summary))).Append("</p>\n");

        Chart(html, "chart-balance", "Balance over time", ReportCharts.Balance(summary));
        if (summary.Opens.Count > 0)
        {
            Chart(html, "chart-leverage", "Effective leverage over time, with the 5, 10 and 20 profile lines", ReportCharts.EffectiveLeverage(summary));
            Chart(html, "chart-margin", "Margin level at each open at 1:25, 1:500 and under the tier table", ReportCharts.MarginLevels(summary));
        }
        Chart(html, "chart-lots", "Lots per trade, losers marked", ReportCharts.LotsPerTrade(summary));

        Figures(html, summary);
        Leverages(html, summary);
        List(html, "Notes", summary.Notes);
        List(html, "Excluded symbols", summary.ExcludedSymbols);
        Unused(html, summary.Unused);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Describe(ReportSummary s) => string.Create(C,
        $"{(s.Kind == HistoryKind.Statement ? "Detailed statement" : "Strategy tester report")}{(s.Account is null ? "" : $" of account {s.Account}")}, " +
        $"{s.Trades} closed trades, {s.Lots:0.##} lots, net {s.NetProfit:N2} {s.AccountCurrency}" +
        $"{(s.CurrencyAssumed ? " (currency assumed)" : "")}.");

    private static void Chart(StringBuilder html, string id, string caption, string svg)
    {
        html.Append("<figure id=\"").Append(id).Append("\"><img alt=\"").Append(E(caption))
            .Append("\" width=\"").Append(ReportCharts.Width).Append("\" height=\"").Append(ReportCharts.Height)
            .Append("\" src=\"data:image/svg+xml;base64,").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)))
            .Append("\"><figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
    }

    private static void Figures(StringBuilder html, ReportSummary s)
    {
        string Money(decimal v) => v.ToString("N2", C) + " " + s.AccountCurrency;
        string Opt(decimal? v, string format, string suffix = "") => v is { } x ? x.ToString(format, C) + suffix : "unknown";
        var rows = new (string Name, string Value)[]
        {
            ("trades", s.Trades.ToString(C)),
            ("lots", s.Lots.ToString("0.##", C)),
            ("netProfit", Money(s.NetProfit)),
            ("deposits", Money(s.Deposits)),
            ("withdrawals", Money(s.Withdrawals)),
            ("maxConcurrentPositions", s.MaxConcurrentPositions.ToString(C)),
            ("stopLossShare", s.StopLossShare.ToString("0.##", C) + "%"),
            ("maxRiskPercent", Opt(s.MaxRiskPercent, "0.####", "%")),
            ("medianRiskPercent", Opt(s.MedianRiskPercent, "0.####", "%")),
            ("peakEffectiveLeverage", Opt(s.PeakEffectiveLeverage, "0.##", ":1")),
            ("experienceProfile", s.ExperienceProfile ?? "unknown"),
            ("minimumLeverage", s.MinimumLeverage is { } m ? "1:" + m.ToString(C) : "none of the tested leverages, or unknown"),
            ("leverageDependent", s.LeverageDependent is { } d ? (d ? "yes" : "no") : "unknown"),
            ("addsToLosers", s.AddsToLosers.ToString(C)),
            ("lotEscalations", s.LotEscalations.ToString(C)),
            ("maxStackedPositions", s.MaxStackedPositions.ToString(C)),
            ("heldOverWeekend", s.HeldOverWeekend.ToString(C)),
            ("heldOverWeekendMaxLots", s.HeldOverWeekendMaxLots.ToString("0.##", C)),
            ("unlimitedEligible", s.UnlimitedEligible ? "yes (10 trades and 5 lots reached)" : "no"),
        };
        html.Append("<h2>Figures</h2><table id=\"figures\">");
        foreach (var (name, value) in rows) html.Append("<tr><th>").Append(name).Append("</th><td class=\"n\">").Append(E(value)).Append("</td></tr>");
        html.Append("</table>\n");
    }

    private static void Leverages(StringBuilder html, ReportSummary s)
    {
        html.Append("<h2>Margin at each leverage</h2><table id=\"leverages\"><tr><th>leverage</th><th>lowest margin level at an open</th><th>opens refused</th></tr>");
        foreach (var f in s.Leverages)
        {
            var name = f.Key switch
            {
                LeverageAnalysis.TiersKey => "default tier table",
                LeverageAnalysis.AccountKey => "account (1:" + s.AccountLeverage?.ToString("0", C) + ")",
                var k => "1:" + k,
            };
            html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"n\">")
                .Append(f.MarginLevelAtOpen is { } level ? level.ToString("N2", C) + "%" : "no margin used / unknown")
                .Append("</td><td class=\"n\">").Append(f.RefusedAt?.ToString(C) ?? "unknown").Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void List(StringBuilder html, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        html.Append("<h2>").Append(E(title)).Append("</h2><ul>");
        foreach (var item in items) html.Append("<li>").Append(E(item)).Append("</li>");
        html.Append("</ul>\n");
    }

    private static void Unused(StringBuilder html, IReadOnlyList<UnusedRows> unused)
    {
        html.Append("<h2>Rows not used</h2>");
        if (unused.Count == 0)
        {
            html.Append("<p>Every row of the file was used.</p>\n");
            return;
        }
        html.Append("<table id=\"unused\"><tr><th>what</th><th>count</th><th>why</th><th>tickets (first ten)</th></tr>");
        foreach (var u in unused)
        {
            html.Append("<tr><td>").Append(E(u.What)).Append("</td><td class=\"n\">").Append(u.Count.ToString(C))
                .Append("</td><td>").Append(E(u.Reason)).Append("</td><td>").Append(E(string.Join(", ", u.Tickets))).Append("</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
