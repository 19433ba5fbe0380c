using Mt4RiskBridge.Web;

namespace Mt4RiskBridge.Tests.Dashboard;

public sealed class AccountHistoryTests
{
    private const double Start = 1_764_900_000.0;

    [Fact]
    public void PastTheCapacity_TheNewestAreKept_OldestFirst()
    {
        var history = new AccountHistory(capacity: 40);
        for (var second = 0; second < 100; second++) history.Add(new HistoryPoint(Start + second, 1_000m + second, 500m - second));

        var points = history.Points();

        Assert.Equal(40, points.Count);
        Assert.Equal(Enumerable.Range(60, 40).Select(s => Start + s), points.Select(p => p.T));
        Assert.Equal(Enumerable.Range(60, 40).Select(s => 1_000m + s), points.Select(p => p.Equity));
        Assert.Equal(Enumerable.Range(60, 40).Select(s => (decimal?)(500m - s)), points.Select(p => p.MarginLevel));
    }

    [Fact]
    public void ASecondSampleWithinOneSecond_ReplacesTheFirst()
    {
        var history = new AccountHistory(capacity: 10);
        history.Add(new HistoryPoint(Start, 1_000m, 300m));
        history.Add(new HistoryPoint(Start + 0.5, 1_010.25m, null));
        history.Add(new HistoryPoint(Start + 1.25, 1_020.5m, 310m));

        Assert.Equal(
            [new HistoryPoint(Start + 0.5, 1_010.25m, null), new HistoryPoint(Start + 1.25, 1_020.5m, 310m)],
            history.Points());
    }

    [Theory]
    [InlineData("9999999999999.99", "1234567.89012345")]
    [InlineData("0.01", "0.000123456789012345")]
    [InlineData("-30860.06", "0")]
    public void Figures_ComeBackToTheCent_AndTheMarginLevelTo15Digits(string equity, string marginLevel)
    {
        var history = new AccountHistory(capacity: 4);
        var level = decimal.Parse(marginLevel, System.Globalization.CultureInfo.InvariantCulture);
        history.Add(new HistoryPoint(Start + 0.123, decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture), level));

        var point = Assert.Single(history.Points());

        Assert.Equal(Start + 0.123, point.T);
        Assert.Equal(decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture), point.Equity);
        Assert.Equal(level, point.MarginLevel);
    }
}
