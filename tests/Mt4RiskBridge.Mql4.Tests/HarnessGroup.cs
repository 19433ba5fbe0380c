namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>One build of the harness; the scenarios run one at a time so that their timing bounds hold.</summary>
[CollectionDefinition(Name)]
public sealed class HarnessGroup : ICollectionFixture<HarnessBuild>
{
    public const string Name = "MQL4 harness";
}
