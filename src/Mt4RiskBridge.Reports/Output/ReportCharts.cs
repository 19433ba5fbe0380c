using System.Globalization;
using ScottPlot;

namespace Mt4RiskBridge.Reports;

/// <summary>The report's four charts, drawn by ScottPlot as SVG documents.</summary>
public static class ReportCharts
{
    public const int Width = 900, Height = 320;

    public static string Balance(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plot = NewPlot($"Balance ({summary.AccountCurrency})");
        var points = summary.BalanceCurve;
        var (xs, ys) = ChartSeries.Thin(Times(points.Select(p => p.Time)), [.. points.Select(p => (double)p.Balance)]);
        var line = plot.Add.Scatter(xs, ys);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = points.Count > 200 ? 0 : 3;
        line.LineWidth = 2;
        plot.Axes.DateTimeTicksBottom();
        return plot.GetSvgXml(Width, Height);
    }

    public static string EffectiveLeverage(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plot = NewPlot("Effective leverage at each open (notional ÷ balance)");
        var opens = summary.Opens;
        var (xs, ys) = ChartSeries.Thin(Times(opens.Select(o => o.Time)), [.. opens.Select(o => (double)o.EffectiveLeverage)]);
        var series = plot.Add.Scatter(xs, ys);
        series.LineWidth = 1;
        series.MarkerSize = opens.Count > 200 ? 0 : 4;
        series.LegendText = "effective leverage";
        foreach (var (limit, name, color) in new[]
                 {
                     (Core.ExperienceProfiles.Beginner, "beginner 5:1", Colors.Green),
                     (Core.ExperienceProfiles.Intermediate, "intermediate 10:1", Colors.Orange),
                     (Core.ExperienceProfiles.Experienced, "experienced 20:1", Colors.Red),
                 })
        {
            var line = plot.Add.HorizontalLine((double)limit, 1.5f, color, LinePattern.Dashed);
            line.LegendText = name;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(Width, Height);
    }

    public static string MarginLevels(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plot = NewPlot("Margin level at each open (%, log scale)");
        var opens = summary.Opens;
        foreach (var (pick, name, color) in new (Func<OpenPoint, decimal?>, string, Color)[]
                 {
                     (o => o.MarginLevel25, "1:25", Colors.Red),
                     (o => o.MarginLevel500, "1:500", Colors.Blue),
                     (o => o.MarginLevelTiers, "tier table", Colors.Purple),
                 })
        {
            var known = opens.Where(o => pick(o) is > 0m).ToArray();
            if (known.Length == 0) continue;
            var (xs, ys) = ChartSeries.Thin(Times(known.Select(o => o.Time)), [.. known.Select(o => Math.Log10((double)pick(o)!.Value))]);
            var series = plot.Add.Scatter(xs, ys, color);
            series.LineWidth = 0;
            series.MarkerSize = known.Length > 200 ? 2.5f : 4;
            series.LegendText = name;
        }
        var floor = plot.Add.HorizontalLine(2, 1.5f, Colors.Black, LinePattern.Dashed);
        floor.LegendText = "100%";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("#,0", CultureInfo.InvariantCulture),
        };
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(Width, Height);
    }

    public static string LotsPerTrade(ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var points = summary.LotsPerTrade;
        var plot = NewPlot(points.Count > ChartSeries.Slices * 2 ? "Lots per trade (losers in red; largest and smallest per time slice)" : "Lots per trade (losers in red)");
        var size = points.Count > 500 ? 3 : 6;
        foreach (var (loser, name, color) in new[] { (false, "winner or flat", Colors.SteelBlue), (true, "loser", Colors.Red) })
        {
            var picked = points.Where(p => p.Loser == loser).ToArray();
            if (picked.Length == 0) continue;
            var (xs, ys) = ChartSeries.Thin(Times(picked.Select(p => p.OpenTime)), [.. picked.Select(p => (double)p.Lots)]);
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, size, color);
            markers.LegendText = name;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetSvgXml(Width, Height);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        return plot;
    }

    private static double[] Times(IEnumerable<DateTime> times) => [.. times.Select(t => t.ToOADate())];
}
