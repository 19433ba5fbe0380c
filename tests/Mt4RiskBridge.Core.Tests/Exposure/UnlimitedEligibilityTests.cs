using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class UnlimitedEligibilityTests
{
    [Theory]
    [InlineData(10, 5, 999.99, true)]
    [InlineData(25, 12.5, 0, true)]
    [InlineData(9, 5, 500, false)]
    [InlineData(10, 4.99, 500, false)]
    [InlineData(10, 5, 1_000, false)] // equity must be under 1,000
    public void Evaluate_DefaultConditions(int trades, decimal lots, decimal equity, bool eligible)
    {
        var result = UnlimitedEligibility.Evaluate(trades, lots, equity, "USD", EligibilitySettings.Default);
        Assert.Equal(eligible, result.Eligible);
        Assert.Equal(AlertSeverity.Info, result.Alert.Severity);
        Assert.Equal(AlertCode.UnlimitedEligibility, result.Alert.Code);
    }

    [Fact]
    public void Evaluate_Message_ListsEveryCondition()
    {
        var result = UnlimitedEligibility.Evaluate(9, 6.5m, 800m, "USD", EligibilitySettings.Default);
        Assert.Equal(
            "the account does not meet the unlimited-leverage conditions: 9 closed trades (at least 10 needed), 6.5 closed lots (at least 5 needed), equity 800.00 USD (under 1,000.00 needed)",
            result.Alert.Message);
        Assert.False(result.TradesMet);
        Assert.True(result.LotsMet);
        Assert.True(result.EquityMet);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Evaluate_Changed_ComparesWithTheLastAnswer(bool? previous, bool changed) =>
        Assert.Equal(changed, UnlimitedEligibility.Evaluate(10, 5m, 500m, "USD", EligibilitySettings.Default, previous).Changed);
}
