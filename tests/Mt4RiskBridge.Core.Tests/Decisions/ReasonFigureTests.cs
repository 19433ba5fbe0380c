using System.Globalization;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>The reasons write figures without .NET's custom patterns, and must write exactly what those patterns write.</summary>
public sealed class ReasonFigureTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Theory]
    [InlineData("0.07", 8, "0.07")]
    [InlineData("20", 8, "20")]
    [InlineData("2.50", 2, "2.5")]
    [InlineData("1234.565", 2, "1234.57")]
    [InlineData("0.000000005", 8, "0.00000001")]
    [InlineData("0.000000004", 8, "0")]
    [InlineData("0.999", 2, "1")]
    [InlineData("-1.505", 2, "-1.51")]
    public void Figure_WritesWhatThePatternWrites(string value, int places, string expected)
    {
        var figure = decimal.Parse(value, Invariant);
        Assert.Equal(expected, string.Create(Invariant, $"{ReasonText.Figure(figure, places)}"));
        Assert.Equal(figure.ToString("0." + new string('#', places), Invariant), expected);
    }

    [Fact]
    public void Figure_AndN2_MatchTheCustomPatterns_OnRandomDecimals()
    {
        var random = new Random(20261205);
        for (var i = 0; i < 200_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(0, 1 << random.Next(1, 31)), random.Next(8) == 0, (byte)random.Next(0, 29));
            foreach (var places in new[] { 2, 8 })
                Assert.Equal(value.ToString("0." + new string('#', places), Invariant), string.Create(Invariant, $"{ReasonText.Figure(value, places)}"));
            Assert.Equal(value.ToString("#,0.00", Invariant), value.ToString("N2", Invariant));
        }
    }
}
