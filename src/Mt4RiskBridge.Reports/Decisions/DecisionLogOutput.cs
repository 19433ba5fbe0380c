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
        json.WriteStartObject("formatVersions");
        foreach (var (version, count) in summary.FormatVersions) json.WriteNumber(version.ToString(CultureInfo.InvariantCulture), count);
        json.WriteEndObject();
        if (summary.WhatIf is { } whatIf) WriteWhatIf(json, whatIf);
        json.WriteEndObject();
    }

    private static void WriteWhatIf(Utf8JsonWriter json, WhatIfResult whatIf)
    {
        json.WriteStartObject("whatIf");
        json.WriteString("profile", whatIf.Profile);
        json.WriteNumber("replayed", whatIf.Replayed);
        json.WriteNumber("reproduced", whatIf.Reproduced);
        Lines(json, "notReproducedLines", whatIf.NotReproducedLines);
        json.WriteNumber("rateLimitedOnly", whatIf.RateLimitedOnly);
        json.WriteNumber("notReplayable", whatIf.NotReplayable);
        Lines(json, "notReplayableLines", whatIf.NotReplayableLines);
        json.WriteNumber("changedCount", whatIf.Changed.Count);
        json.WriteStartArray("changed");
        foreach (var change in whatIf.Changed)
        {
            json.WriteStartObject();
            json.WriteNumber("line", change.LineNumber);
            json.WriteString("at", change.At);
            json.WriteNumber("login", change.Login);
            if (change.Id is not null) json.WriteString("id", change.Id);
            json.WriteString("symbol", change.Symbol);
            json.WriteString("side", change.Side);
            json.WriteNumber("requestedLots", change.RequestedLots);
            json.WriteString("recordedVerdict", change.RecordedVerdict);
            json.WriteNumber("recordedLots", change.RecordedLots);
            json.WriteString("verdict", change.Verdict);
            json.WriteNumber("lots", change.Lots);
            json.WriteStartArray("reasons");
            foreach (var code in change.ReasonCodes) json.WriteStringValue(code);
            json.WriteEndArray();
            if (change.FirstReason is not null) json.WriteString("reason", change.FirstReason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Lines(Utf8JsonWriter json, string name, IReadOnlyList<int> lines)
    {
        json.WriteStartArray(name);
        foreach (var line in lines) json.WriteNumberValue(line);
        json.WriteEndArray();
    }

    /// <summary>The replay in one sentence, for the page and the printed summary.</summary>
    public static string WhatIfSentence(WhatIfResult whatIf)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"what if {whatIf.Profile}: {whatIf.Changed.Count} of {whatIf.Replayed} replayed checks would change");
        var changed = whatIf.Changed.GroupBy(x => $"{x.RecordedVerdict} → {x.Verdict}").Select(g => string.Create(c, $"{g.Count()} {g.Key}"));
        if (whatIf.Changed.Count > 0) text += " (" + string.Join(", ", changed) + ")";
        text += string.Create(c, $"; the base policy reproduces {whatIf.Reproduced} of {whatIf.Replayed}");
        if (whatIf.NotReplayable > 0) text += string.Create(c, $"; {whatIf.NotReplayable} lines without facts not replayed");
        if (whatIf.RateLimitedOnly > 0) text += string.Create(c, $"; {whatIf.RateLimitedOnly} rate-limited checks left as they were");
        return text;
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
        if (summary.WhatIf is { } whatIf) WhatIfHtml(html, whatIf);
        if (summary.UnreadableLines > 0)
        {
            html.Append("<p>").Append(E(string.Create(c, $"{summary.UnreadableLines} lines are not audit records and were not counted (lines {string.Join(", ", summary.UnreadableLineNumbers)}{(summary.UnreadableLines > summary.UnreadableLineNumbers.Count ? ", …" : "")}).")))
                .Append("</p>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    // Enough rows to read; the JSON has every one.
    private const int HtmlChangeRows = 500;

    private static void WhatIfHtml(StringBuilder html, WhatIfResult whatIf)
    {
        var c = CultureInfo.InvariantCulture;
        html.Append("<h2>What if: ").Append(E(whatIf.Profile)).Append("</h2>\n<p id=\"what-if\">").Append(E(WhatIfSentence(whatIf))).Append(".</p>\n");
        if (whatIf.NotReproducedLines.Count > 0)
        {
            html.Append("<p>").Append(E(string.Create(c, $"Not reproduced under the base policy (settings changed since, or a calendar other than the built-in one): lines {string.Join(", ", whatIf.NotReproducedLines)}."))).Append("</p>\n");
        }
        if (whatIf.NotReplayableLines.Count > 0)
        {
            html.Append("<p>").Append(E(string.Create(c, $"Not replayable (no facts: format 1 lines): lines {string.Join(", ", whatIf.NotReplayableLines)}{(whatIf.NotReplayable > whatIf.NotReplayableLines.Count ? ", …" : "")}."))).Append("</p>\n");
        }
        if (whatIf.Changed.Count == 0) return;
        html.Append("<table id=\"what-if-changes\"><tr><th>line</th><th>at</th><th>order</th><th>recorded</th><th>what if</th><th>reason</th></tr>");
        foreach (var change in whatIf.Changed.Take(HtmlChangeRows))
        {
            html.Append("<tr><td>").Append(change.LineNumber.ToString(c)).Append("</td><td>").Append(E(change.At.ToString("u", c)))
                .Append("</td><td>").Append(E(string.Create(c, $"{change.Side} {change.RequestedLots:0.##} {change.Symbol}")))
                .Append("</td><td>").Append(E(string.Create(c, $"{change.RecordedVerdict} {change.RecordedLots:0.##}")))
                .Append("</td><td>").Append(E(string.Create(c, $"{change.Verdict} {change.Lots:0.##}")))
                .Append("</td><td>").Append(E(change.FirstReason ?? "")).Append("</td></tr>");
        }
        html.Append("</table>\n");
        if (whatIf.Changed.Count > HtmlChangeRows)
            html.Append("<p>").Append(E(string.Create(c, $"{whatIf.Changed.Count - HtmlChangeRows} more changes are in the JSON report."))).Append("</p>\n");
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts) json.WriteNumber(key, count);
        json.WriteEndObject();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
