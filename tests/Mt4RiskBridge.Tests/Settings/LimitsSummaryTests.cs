using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Tests.Settings;

public sealed class LimitsSummaryTests
{
    [Fact]
    public void Describe_ListsEachLimit_WithZeroAsOff()
    {
        var options = new RiskOptions { MarginLevelFloorPercent = 150m, RiskPerTradePercent = 1.5m, RegulatoryPreset = "esma", ExperienceProfile = "Intermediate" };
        options.LotCaps.MaxLotsPerOrder = 2m;
        options.LotCaps.Symbols["XAUUSD"] = new LotCapValues { MaxLotsPerOrder = 0.5m };
        Assert.True(RiskPolicyMapper.TryMap(options, out var policy, out var errors), string.Join("; ", errors));

        var line = LimitsSummary.Describe(policy!, new ExposureSettings { Limits = LimitsSettings.Default with { DailyLossPercent = 5m } });

        Assert.Equal(
            "floor 150%, tiers [0:unlimited 1000:1:2000 5000:1:1000 15000:1:600 30000:1:400 60000:1:200] on AllPositions, "
            + "lots per order 2, per symbol off, total off, open positions off, lot cap overrides 1 symbols, 0 classes, "
            + "risk per trade 1.5%, stop loss optional, max effective leverage off, experience profile intermediate, preset Esma, daily loss 5%, drawdown off, "
            + "checks per second 20, all halted no, enforcement Warn",
            line);
    }
}
