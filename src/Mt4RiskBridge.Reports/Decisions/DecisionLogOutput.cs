using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ScottPlot;

namespace Mt4RiskBridge.Reports;

/// <summary>JSON and HTML for a decisions log: counts per verdict and per reason, with a bar chart of verdicts.</summary>
public static class DecisionLogOutput
{
    public static void WriteJson(Stream output, DecisionLogSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var json = new Utf8JsonWriter(output, ReportJsonOptions.Writer);
        json.WriteStartObject();
        json.WriteString("file", summary.File);
        json.WriteString("kind", "decisions");
        json.WriteNumber("decisions", summary.Decisions);
        if (summary.From is { } from) json.WriteString("from", from);
        if (summary.To is { } to) json.WriteString("to", to);
        json.WriteStartArray("logins");
        foreach (var login in summary.Logins) json.WriteNumberValue(login);
        json.WriteEndArray();
        Counts(json, "byVerdict", summary.ByVerdict);
        Counts(json, "byReason", summary.ByReason);
        json.WriteStartObject("reasonsByVerdict");
        foreach (var (verdict, reasons) in summary.ReasonsByVerdict) Counts(json, verdict, reasons);
        json.WriteEndObject();
        json.WriteNumber("unreadableLines", summary.UnreadableLines);
        json.WriteEndObject();
    }

    public static string Html(DecisionLogSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = CultureInfo.InvariantCulture;
        var plot = new Plot();
        plot.Title("Decisions per verdict");
        var verdicts = summary.ByVerdict.ToArray();
        var bars = plot.Add.Bars([.. verdicts.Select(v => (double)v.Value)]);
        bars.Color = Colors.SteelBlue;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, verdicts.Length).Select(i => (double)i)], [.. verdicts.Select(v => v.Key)]);
        plot.Axes.Margins(bottom: 0);
        var svg = plot.GetSvgXml(ReportCharts.Width, ReportCharts.Height);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Decisions: ").Append(E(summary.File))
            .Append("</title><style>body{font:15px/1.45 system-ui,sans-serif;margin:24px auto;max-width:960px}figure img{width:100%;height:auto}")
            .Append("td,th{padding:3px 10px;text-align:left;border-bottom:1px solid #e5e5e5}</style></head><body>\n")
            .Append("<h1>Decisions: ").Append(E(summary.File)).Append("</h1>\n<p class=\"verdict\" id=\"verdict\">")
            .Append(E(string.Create(c, $"{summary.Decisions} decisions for {summary.Logins.Count} accounts from {summary.From:u} to {summary.To:u}: ")))
            .Append(E(string.Join(", ", verdicts.Select(v => string.Create(c, $"{v.Value} {v.Key}"))))).Append(".</p>\n")
            .Append("<figure id=\"chart-verdicts\"><img alt=\"Decisions per verdict\" src=\"data:image/svg+xml;base64,")
            .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))).Append("\"></figure>\n")
            .Append("<h2>Reasons per verdict</h2><table id=\"reasons\"><tr><th>verdict</th><th>reason</th><th>count</th></tr>");
        foreach (var (verdict, reasons) in summary.ReasonsByVerdict)
        {
            foreach (var (code, count) in reasons)
                html.Append("<tr><td>").Append(E(verdict)).Append("</td><td>").Append(E(code)).Append("</td><td>").Append(count.ToString(c)).Append("</td></tr>");
        }
        html.Append("</table>\n");
        if (summary.UnreadableLines > 0)
        {
            html.Append("<p>").Append(E(string.Create(c, $"{summary.UnreadableLines} lines are not audit records and were not counted (lines {string.Join(", ", summary.UnreadableLineNumbers)}{(summary.UnreadableLines > summary.UnreadableLineNumbers.Count ? ", …" : "")}).")))
                .Append("</p>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts) json.WriteNumber(key, count);
        json.WriteEndObject();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
