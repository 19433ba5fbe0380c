using System.Text.Json;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class AlertDetailsTests
{
    [Fact]
    public void Details_SerialiseToJsonInInsertionOrder()
    {
        var account = Market.Account(3_000m, Leverage.Of(2000), margin: 110m, positions: new Position(1001, "EURUSD", Side.Buy, 2m, 1.1000m));
        var alert = WeekendStress.Evaluate(account, Market.Standard, Market.StandardQuotes, new WeekendSettings { StressSizes = [new StressRule(1m)] }, RiskPolicy.Default).Alert!;
        var json = JsonSerializer.Serialize(alert.Details);
        Assert.StartsWith("{\"currency\":\"USD\",\"equity\":3000,\"margin\":110,\"loss\":2200.00,", json, StringComparison.Ordinal);
        Assert.Contains("\"breaches\":[\"loss_limit\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"positions\":[{\"ticket\":1001,\"symbol\":\"EURUSD\",\"side\":\"buy\",\"lots\":2,\"price\":1.1000,\"gapPercent\":1,\"loss\":2200.00,\"lotsToClose\":1.73}]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsValidate_ListsEveryProblemWithItsSettingName()
    {
        Assert.Equal(
            ["Windows:WeekendBeforeCloseMinutes must be 0 or more, not -1", "Windows:NewsAfterMinutes must be 0 or more, not -5"],
            new WindowSettings { WeekendBeforeCloseMinutes = -1, NewsAfterMinutes = -5 }.Validate());
        Assert.Equal(
            ["Weekend:MaxLossPercent must be above 0 and at most 100, not 0", "Weekend:BlockNewPositionsMinutes must be 0 (off) or more, not -1"],
            new WeekendSettings { MaxLossPercent = 0m, BlockNewPositionsMinutes = -1 }.Validate());
        Assert.Equal(
            ["Limits:DailyLossPercent must be between 0 (off) and 100, not 101", "Limits:MaxChecksPerSecond must be 0 (off) or more, not -1"],
            new LimitsSettings { DailyLossPercent = 101m, MaxChecksPerSecond = -1 }.Validate());
        Assert.Empty(WindowSettings.Default.Validate());
        Assert.Empty(WeekendSettings.Default.Validate());
        Assert.Empty(LimitsSettings.Default.Validate());
        Assert.Empty(AlertSettings.Default.Validate());
        Assert.Empty(CalendarSettings.Default.Validate());
    }
}
