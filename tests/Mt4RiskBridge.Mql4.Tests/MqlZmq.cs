namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>The mql-zmq commit the MQL4 sources are compiled against (mql4/tests/mql-zmq/SOURCE.md) and the README pins.</summary>
internal static class MqlZmq
{
    public const string PinnedCommit = "802c86c9e3647c917151ff724ffd15baa9bc152c";
}
