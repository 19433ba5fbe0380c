namespace Mt4RiskBridge.Reports;

/// <summary>
/// Thins a series for drawing: a chart is about a thousand pixels wide, so per slice of the time axis only the
/// lowest and highest points are kept (in time order). Extremes, which the charts are about, always survive.
/// </summary>
internal static class ChartSeries
{
    public const int Slices = 400;

    public static (double[] Xs, double[] Ys) Thin(double[] xs, double[] ys, int slices = Slices)
    {
        if (xs.Length <= slices * 2) return (xs, ys);
        double first = xs[0], width = (xs[^1] - first) / slices;
        if (width <= 0) width = 1;
        var outX = new List<double>(slices * 2);
        var outY = new List<double>(slices * 2);
        var start = 0;
        while (start < xs.Length)
        {
            var slice = Math.Min(slices - 1, (int)((xs[start] - first) / width));
            var end = start;
            int low = start, high = start;
            while (end < xs.Length && Math.Min(slices - 1, (int)((xs[end] - first) / width)) == slice)
            {
                if (ys[end] < ys[low]) low = end;
                if (ys[end] > ys[high]) high = end;
                end++;
            }
            foreach (var i in low <= high ? new[] { low, high } : [high, low])
            {
                if (outX.Count > 0 && i == low && i == high && outX[^1] == xs[i]) continue;
                outX.Add(xs[i]);
                outY.Add(ys[i]);
            }
            start = end;
        }
        return (outX.ToArray(), outY.ToArray());
    }
}
