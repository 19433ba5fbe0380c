using Microsoft.Extensions.Configuration;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Tests.Settings;

public sealed class UnknownSettingsTests
{
    private static IReadOnlyList<string> Find(params (string Key, string Value)[] settings) =>
        UnknownSettings.Find(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            SettingsCatalog.Sections);

    [Fact]
    public void Find_KnownKeysAtEveryDepth_FindsNothing()
    {
        Assert.Empty(Find(
            ("Risk:LotCaps:MaxLotsPerOrder", "2"),
            ("Risk:LotCaps:Symbols:XAUUSD:MaxLotsPerOrder", "1"),
            ("Risk:LeverageTiers:0:Leverage", "unlimited"),
            ("Risk:Classes:Metal:Patterns:0", "XAU*"),
            ("Bridge:Accounts:5012345:Token", "t"),
            ("Bridge:Curve:PublicKeyFile", "server.pub"),
            ("bridge:endpoint", "tcp://127.0.0.1:5557"),
            ("Calendar:Holidays:0:Date", "2026-12-25"),
            ("Serilog:MinimumLevel:Default", "Debug"),
            ("PATH", "/usr/bin")));
    }

    [Fact]
    public void Find_MisspelledKey_NamesItAndTheNearestKnownKey()
    {
        Assert.Equal(
            [
                "Bridge:StaleAfterSecs is not a known setting; did you mean Bridge:StaleAfterSeconds?",
                "Risk:LotCaps:MaxLotPerOrder is not a known setting; did you mean Risk:LotCaps:MaxLotsPerOrder?",
                "Risk:LotCaps:Symbols:XAUUSD:MaxLostPerSymbol is not a known setting; did you mean Risk:LotCaps:Symbols:XAUUSD:MaxLotsPerSymbol?",
            ],
            Find(
                ("Risk:LotCaps:MaxLotPerOrder", "2"),
                ("Risk:LotCaps:Symbols:XAUUSD:MaxLostPerSymbol", "1"),
                ("Bridge:StaleAfterSecs", "5")));
    }

    [Fact]
    public void Find_KeyLikeNoKnownOne_ListsTheKeysThere()
    {
        Assert.Equal(
            ["Alerts:Colour is not a known setting; Alerts has MarginLevelWarnPercent, RepeatMinutes"],
            Find(("Alerts:Colour", "red")));
    }

    [Fact]
    public void Find_SectionNameOffByATypo_IsRefused_ButOtherSectionsAreNotOurs()
    {
        Assert.Equal(
            ["Limit is not a known settings section; did you mean Limits?", "Rsik is not a known settings section; did you mean Risk?"],
            Find(("Rsik:LotCaps:MaxLotsPerOrder", "2"), ("Limit:DailyLossPercent", "5"), ("Logging:LogLevel:Default", "Debug")));
    }

    [Fact]
    public void Find_ValueGivenChildren_OrListGivenNames_IsRefused()
    {
        Assert.Equal(
            [
                "Risk:LeverageTiers:first is not a known setting; Risk:LeverageTiers is a list (keys 0, 1, 2, ...)",
                "Risk:MarginLevelFloorPercent:Min is not a known setting; Risk:MarginLevelFloorPercent takes a single value",
            ],
            Find(("Risk:MarginLevelFloorPercent:Min", "2"), ("Risk:LeverageTiers:first:Leverage", "2")));
    }
}
