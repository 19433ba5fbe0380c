namespace Mt4RiskBridge.Web;

/// <summary>
/// The accounts page's rows serialized once per change, as JSON and as the <c>accounts</c> event every stream
/// writes, with a version that grows on each change.
/// </summary>
internal sealed record RowsSnapshot(byte[] Json, byte[] Event, long Version)
{
    public static RowsSnapshot Of(byte[] json, long version) => new(json, ServerSentEvent.Of("accounts", json), version);
}
