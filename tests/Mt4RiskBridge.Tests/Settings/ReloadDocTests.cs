using System.Text.RegularExpressions;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Tests.Settings;

/// <summary>docs/configuration.md's table of what applies live and what at restart is the list the service acts on.</summary>
public sealed partial class ReloadDocTests
{
    [Fact]
    public void ReloadTable_NamesExactlyTheRestartOnlyKeysAndEveryOtherSectionAsLive()
    {
        var doc = File.ReadAllLines(RepositoryFiles.PathOf("docs/configuration.md"));

        var restart = Named(doc.Single(l => l.StartsWith("| at restart only |", StringComparison.Ordinal)));
        var live = Named(doc.Single(l => l.StartsWith("| live |", StringComparison.Ordinal)));

        Assert.Equal(RestartOnlySettings.Keys.Order(), restart.Order());
        var wholeSections = RestartOnlySettings.Keys.Where(k => !k.Contains(':', StringComparison.Ordinal));
        Assert.Equal(SettingsCatalog.Sections.Select(s => s.Name).Except(wholeSections).Order(), live.Order());
    }

    private static string[] Named(string row) => [.. Backticked().Matches(row).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
