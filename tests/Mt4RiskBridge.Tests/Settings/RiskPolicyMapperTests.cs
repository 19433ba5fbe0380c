using Microsoft.Extensions.Configuration;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Tests.Settings;

public sealed class RiskPolicyMapperTests
{
    private static RiskOptions Bind(IConfiguration configuration)
    {
        var options = new RiskOptions();
        configuration.GetSection(RiskOptions.Section).Bind(options);
        return options;
    }

    private static IConfiguration FromPairs(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)))
            .Build();

    [Fact]
    public void TryMap_ShippedAppSettings_GivesTheDocumentedDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepositoryFiles.PathOf("appsettings.json")).Build();

        Assert.True(RiskPolicyMapper.TryMap(Bind(configuration), out var policy, out var errors), string.Join("; ", errors));

        Assert.Equal(200m, policy!.MarginLevelFloorPercent);
        Assert.Equal(
            LeverageTierTable.Default.Tiers.Select(t => (t.MinEquity, t.Leverage.ToString())),
            policy.Tiers.Tiers.Select(t => (t.MinEquity, t.Leverage.ToString())));
        Assert.Equal(TierAppliesTo.AllPositions, policy.TierAppliesTo);
        Assert.Equal(LotCaps.Off, policy.LotCaps.Global);
        Assert.Equal(RegulatoryPreset.None, policy.RegulatoryPreset);
        Assert.Equal(ExperienceProfile.None, policy.ExperienceProfile);
        Assert.Equal(RiskPolicy.DefaultClassLeverage.OrderBy(p => p.Key), policy.ClassLeverage.OrderBy(p => p.Key));
    }

    [Fact]
    public void TryMap_EnvironmentVariableWithDoubleUnderscore_OverridesTheFile()
    {
        const string prefix = "MT4RB_MAPPER_TEST_";
        Environment.SetEnvironmentVariable(prefix + "Risk__MarginLevelFloorPercent", "150");
        Environment.SetEnvironmentVariable(prefix + "Risk__LotCaps__Symbols__XAUUSD__MaxLotsPerOrder", "0.5");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(RepositoryFiles.PathOf("appsettings.json"))
                .AddEnvironmentVariables(prefix)
                .Build();

            Assert.True(RiskPolicyMapper.TryMap(Bind(configuration), out var policy, out _));

            Assert.Equal(150m, policy!.MarginLevelFloorPercent);
            Assert.Equal(0.5m, policy.LotCaps.Resolve("xauusd", InstrumentClass.Metal).MaxLotsPerOrder);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Risk__MarginLevelFloorPercent", null);
            Environment.SetEnvironmentVariable(prefix + "Risk__LotCaps__Symbols__XAUUSD__MaxLotsPerOrder", null);
        }
    }

    [Fact]
    public void TryMap_CustomTiersClassesAndCaps_AreMapped()
    {
        var options = Bind(FromPairs(
            ("Risk:LeverageTiers:0:MinEquity", "0"), ("Risk:LeverageTiers:0:Leverage", "1:500"),
            ("Risk:LeverageTiers:1:MinEquity", "10000"), ("Risk:LeverageTiers:1:Leverage", "100"),
            ("Risk:TierAppliesTo", "newpositions"),
            ("Risk:RegulatoryPreset", "fsa-japan"),
            ("Risk:LotCaps:MaxLotsPerOrder", "5"),
            ("Risk:LotCaps:Classes:Crypto:MaxLotsPerOrder", "0.1"),
            ("Risk:Classes:Crypto:Patterns:0", "MYCOIN*"),
            ("Risk:Classes:Crypto:MaxLeverage", "50")));

        Assert.True(RiskPolicyMapper.TryMap(options, out var policy, out var errors), string.Join("; ", errors));

        Assert.Equal("1:500", policy!.Tiers.TierFor(9_999.99m).Leverage.ToString());
        Assert.Equal("1:100", policy.Tiers.TierFor(10_000m).Leverage.ToString());
        Assert.Equal(TierAppliesTo.NewPositions, policy.TierAppliesTo);
        Assert.Equal(RegulatoryPreset.FsaJapan, policy.RegulatoryPreset);
        Assert.Equal(InstrumentClass.Crypto, policy.Classifier.Classify("MYCOIN.x", MarginCalcMode.Cfd, "MYC", "USD"));
        Assert.Equal(Leverage.Of(50), policy.LeverageFor(InstrumentClass.Crypto).Cap);
        Assert.Equal(0.1m, policy.LotCaps.Resolve("MYCOIN", InstrumentClass.Crypto).MaxLotsPerOrder);
        Assert.Equal(5m, policy.LotCaps.Resolve("EURUSD", InstrumentClass.ForexMajor).MaxLotsPerOrder);
    }

    [Theory]
    [InlineData("none", ExperienceProfile.None)]
    [InlineData("Beginner", ExperienceProfile.Beginner)]
    [InlineData(" intermediate ", ExperienceProfile.Intermediate)]
    [InlineData("EXPERIENCED", ExperienceProfile.Experienced)]
    public void TryMap_ExperienceProfile_IsMappedWhateverItsCase(string text, ExperienceProfile expected)
    {
        var options = Bind(FromPairs(("Risk:ExperienceProfile", text)));

        Assert.True(RiskPolicyMapper.TryMap(options, out var policy, out var errors), string.Join("; ", errors));

        Assert.Equal(expected, policy!.ExperienceProfile);
    }

    [Fact]
    public void TryMap_ManyBadValues_ListsEveryErrorWithItsKey()
    {
        var options = Bind(FromPairs(
            ("Risk:MarginLevelFloorPercent", "-5"),
            ("Risk:LeverageTiers:0:MinEquity", "100"), ("Risk:LeverageTiers:0:Leverage", "unlimited"),
            ("Risk:LeverageTiers:1:MinEquity", "1000"), ("Risk:LeverageTiers:1:Leverage", "lots"),
            ("Risk:TierAppliesTo", "Sometimes"),
            ("Risk:LotCaps:MaxLotsPerOrder", "-1"),
            ("Risk:LotCaps:Symbols:EURUSD:MaxOpenPositions", "-2"),
            ("Risk:LotCaps:Classes:Bonds:MaxLotsPerOrder", "1"),
            ("Risk:RiskPerTradePercent", "150"),
            ("Risk:MaxEffectiveLeverage", "-3"),
            ("Risk:RegulatoryPreset", "fca"),
            ("Risk:ExperienceProfile", "expert"),
            ("Risk:Classes:Crypto:MaxLeverage", "unlimited")));

        Assert.False(RiskPolicyMapper.TryMap(options, out var policy, out var errors));

        Assert.Null(policy);
        Assert.Equal(
            [
                "Risk:MarginLevelFloorPercent must be 0 or more, not -5",
                "Risk:LeverageTiers:1:Leverage must be a positive ratio (2000 or 1:2000) or \"unlimited\", not \"lots\"",
                "Risk:TierAppliesTo must be AllPositions or NewPositions, not \"Sometimes\"",
                "Risk:LotCaps:MaxLotsPerOrder must be 0 (off) or more, not -1",
                "Risk:LotCaps:Symbols:EURUSD:MaxOpenPositions must be 0 (off) or more, not -2",
                "Risk:LotCaps:Classes:Bonds: unknown instrument class; use one of ForexMajor, ForexMinor, ForexExotic, Metal, Energy, Index, Stock, Crypto",
                "Risk:RiskPerTradePercent must be between 0 (off) and 100, not 150",
                "Risk:MaxEffectiveLeverage must be 0 or more, not -3",
                "Risk:RegulatoryPreset must be none, esma, asic, nfa or fsa-japan, not \"fca\"",
                "Risk:ExperienceProfile must be none, beginner, intermediate or experienced, not \"expert\"",
                "Risk:Classes:Crypto:MaxLeverage must be a fixed ratio, because the class may not use unlimited leverage (UnlimitedEligible is false)",
            ],
            errors);
    }

    [Fact]
    public void TryMap_TierTableNotStartingAtZero_NamesTheTable()
    {
        var options = Bind(FromPairs(("Risk:LeverageTiers:0:MinEquity", "100"), ("Risk:LeverageTiers:0:Leverage", "500")));

        Assert.False(RiskPolicyMapper.TryMap(options, out _, out var errors));

        Assert.Equal(["Risk:LeverageTiers: the lowest tier must start at MinEquity 0, not 100"], errors);
    }

    [Fact]
    public void TryMap_CappedClassMadeUnlimited_IsRefusedByThePolicy()
    {
        var options = Bind(FromPairs(("Risk:Classes:Crypto:MaxLeverage", "unlimited")));

        Assert.False(RiskPolicyMapper.TryMap(options, out _, out var errors));

        Assert.Equal(["Risk:Classes:Crypto:MaxLeverage must be a fixed ratio, because the class may not use unlimited leverage (UnlimitedEligible is false)"], errors);
    }
}
