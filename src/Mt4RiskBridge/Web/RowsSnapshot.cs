namespace Mt4RiskBridge.Web;

/// <summary>The accounts page's rows serialized once per change, with a version that grows on each change.</summary>
internal sealed record RowsSnapshot(byte[] Json, long Version);
