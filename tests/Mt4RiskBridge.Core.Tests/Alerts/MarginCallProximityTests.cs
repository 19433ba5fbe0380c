using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class MarginCallProximityTests
{
    private static AccountState Account(decimal equity, decimal margin, StopOutMode mode = StopOutMode.Percent) =>
        Market.Account(equity, Leverage.Of(500), margin) with { StopOutMode = mode };

    [Theory]
    [InlineData(1_600, 1_000, false, null)]
    [InlineData(1_500, 1_000, false, null)] // exactly 150% of the 100% margin call
    [InlineData(1_499.99, 1_000, true, AlertSeverity.Warn)]
    [InlineData(1_000.01, 1_000, true, AlertSeverity.Warn)]
    [InlineData(1_000, 1_000, true, AlertSeverity.Critical)] // at the margin call
    [InlineData(400, 1_000, true, AlertSeverity.Critical)]
    [InlineData(100, 0, false, null)] // no margin in use
    public void Evaluate_DefaultThreshold_Is150PercentOfMarginCall(decimal equity, decimal margin, bool atRisk, AlertSeverity? severity)
    {
        var result = MarginCallProximity.Evaluate(Account(equity, margin), Market.Now, null, AlertSettings.Default);
        Assert.Equal(atRisk, result.IsAtRisk);
        Assert.Equal(150m, result.ThresholdPercent);
        Assert.Equal(severity, result.Alert?.Severity);
        Assert.Equal(atRisk, result.ShouldSend);
    }

    [Fact]
    public void Evaluate_Message_StatesLevelAndThresholds()
    {
        var result = MarginCallProximity.Evaluate(Account(1_400m, 1_000m), Market.Now, null, AlertSettings.Default);
        Assert.Equal("margin level 140.00% is under the 150% warning level (margin call at 100%, stop-out at 50%)", result.Alert!.Message);
        Assert.Equal(AlertCode.MarginCallRisk, result.Alert.Code);
        Assert.Equal(140.00m, result.Alert.Details["marginLevel"]);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(29.9, false)]
    [InlineData(30, true)]
    [InlineData(45, true)]
    public void Evaluate_RecentlySent_IsSuppressedForRepeatMinutes(double minutesAgo, bool send)
    {
        var result = MarginCallProximity.Evaluate(Account(1_400m, 1_000m), Market.Now, Market.Now.AddMinutes(-minutesAgo), AlertSettings.Default);
        Assert.True(result.IsAtRisk);
        Assert.Equal(send, result.ShouldSend);
    }

    [Fact]
    public void Evaluate_ExplicitThreshold_IsUsed()
    {
        var settings = new AlertSettings { MarginLevelWarnPercent = 300m, RepeatMinutes = 5 };
        var result = MarginCallProximity.Evaluate(Account(2_900m, 1_000m), Market.Now, Market.Now.AddMinutes(-5), settings);
        Assert.True(result.IsAtRisk);
        Assert.True(result.ShouldSend);
        Assert.Equal(AlertSeverity.Warn, result.Alert!.Severity);
    }

    [Fact]
    public void Evaluate_MoneyMode_ComparesEquityWith150PercentOfTheAmount()
    {
        var account = Account(700m, 100m, StopOutMode.Money) with { MarginCallLevel = 500m, StopOutLevel = 200m };
        var result = MarginCallProximity.Evaluate(account, Market.Now, null, AlertSettings.Default);
        Assert.True(result.IsAtRisk);
        Assert.Equal(750m, result.ThresholdPercent);
        Assert.Equal("equity 700.00 USD is under the 750.00 USD warning level (margin call at 500.00, stop-out at 200.00)", result.Alert!.Message);
    }
}
