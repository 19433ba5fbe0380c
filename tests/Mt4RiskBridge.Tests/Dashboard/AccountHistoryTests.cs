using System.Globalization;
using Mt4RiskBridge.Web;

namespace Mt4RiskBridge.Tests.Dashboard;

public sealed class AccountHistoryTests
{
    private const double Start = 1_764_900_000.0;

    [Fact]
    public void PastTheRecentPart_WithNoBuckets_TheNewestAreKept_OldestFirst()
    {
        var history = new AccountHistory(recentSamples: 40, olderBuckets: 0, bucketSeconds: 15);
        for (var second = 0; second < 100; second++) history.Add(new HistoryPoint(Start + second, 1_000m + second, 500m - second));

        var points = history.Points();

        Assert.Equal(Enumerable.Range(60, 40).Select(s => Start + s), points.Select(p => p.T));
        Assert.Equal(Enumerable.Range(60, 40).Select(s => 1_000m + s), points.Select(p => p.Equity));
        Assert.Equal(Enumerable.Range(60, 40).Select(s => (decimal?)(500m - s)), points.Select(p => p.MarginLevel));
    }

    [Fact]
    public void ASecondSampleWithinOneSecond_ReplacesTheFirst()
    {
        var history = new AccountHistory(recentSamples: 10, olderBuckets: 10, bucketSeconds: 15);
        history.Add(new HistoryPoint(Start, 1_000m, 300m));
        history.Add(new HistoryPoint(Start + 0.5, 1_010.25m, null));
        history.Add(new HistoryPoint(Start + 1.25, 1_020.5m, 310m));

        Assert.Equal(
            [new HistoryPoint(Start + 0.5, 1_010.25m, null), new HistoryPoint(Start + 1.25, 1_020.5m, 310m)],
            history.Points());
    }

    [Fact]
    public void SamplesLeavingTheRecentPart_KeepTheLowestMarginLevelOfEachBucket()
    {
        // Start is a multiple of 15 s, so buckets are seconds 0-14, 15-29, 30-44. Margin level: 400 + (s * 7 % 15),
        // lowest at the second whose s * 7 % 15 is 0, i.e. s = 0, 15, 30; one dip to 120 at s = 22.
        var history = new AccountHistory(recentSamples: 5, olderBuckets: 10, bucketSeconds: 15);
        decimal Level(int s) => s == 22 ? 120m : 400m + s * 7 % 15;
        for (var s = 0; s < 50; s++) history.Add(new HistoryPoint(Start + s, 10_000m - s, Level(s)));

        var points = history.Points();

        // Seconds 0-44 have left the five recent ones (45-49): one point per bucket, its lowest.
        Assert.Equal([0.0, 22, 30, 45, 46, 47, 48, 49], points.Select(p => p.T - Start));
        Assert.Equal([400m, 120m, 400m, Level(45), Level(46), Level(47), Level(48), Level(49)], points.Select(p => p.MarginLevel!.Value));
        Assert.Equal(10_000m - 22, points[1].Equity);
    }

    [Fact]
    public void PastTheBuckets_TheOldestBucketsGo()
    {
        var history = new AccountHistory(recentSamples: 2, olderBuckets: 3, bucketSeconds: 10);
        for (var s = 0; s < 62; s++) history.Add(new HistoryPoint(Start + s, 1_000m, 200m));

        // Seconds 0-59 left the recent part into buckets 0..5; the last three buckets stay, each at its first second.
        Assert.Equal([30.0, 40, 50, 60, 61], history.Points().Select(p => p.T - Start));
    }

    [Fact]
    public void ABucket_PrefersAnyMarginLevelToNone()
    {
        var history = new AccountHistory(recentSamples: 1, olderBuckets: 4, bucketSeconds: 10);
        history.Add(new HistoryPoint(Start, 1_000m, null));
        history.Add(new HistoryPoint(Start + 1, 990m, 5_000m));
        history.Add(new HistoryPoint(Start + 2, 995m, null));
        history.Add(new HistoryPoint(Start + 20, 995m, null));

        // Seconds 0-2 share a bucket: the 5,000% replaced the first sample's none, and the third's none did not replace it.
        Assert.Equal([new HistoryPoint(Start + 1, 990m, 5_000m), new HistoryPoint(Start + 20, 995m, null)], history.Points());
    }

    [Theory]
    [InlineData("9999999999999.99", "1234567.89012345")]
    [InlineData("0.01", "0.000123456789012345")]
    [InlineData("-30860.06", "0")]
    public void Figures_ComeBackToTheCent_AndTheMarginLevelTo15Digits(string equity, string marginLevel)
    {
        var history = AccountHistory.TwoHours();
        var level = decimal.Parse(marginLevel, CultureInfo.InvariantCulture);
        history.Add(new HistoryPoint(Start + 0.123, decimal.Parse(equity, CultureInfo.InvariantCulture), level));

        var point = Assert.Single(history.Points());

        Assert.Equal(Start + 0.123, point.T);
        Assert.Equal(decimal.Parse(equity, CultureInfo.InvariantCulture), point.Equity);
        Assert.Equal(level, point.MarginLevel);
    }
}
