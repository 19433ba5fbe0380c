namespace Mt4RiskBridge.Protocol;

/// <summary>
/// One message of protocol v1. <see cref="Id"/> is the optional correlation id: a request that carries one gets
/// exactly one reply carrying the same id.
/// </summary>
public abstract record WireMessage
{
    /// <summary>The correlation id, as text (a JSON number id keeps its literal text); null when absent.</summary>
    public string? Id { get; init; }

    /// <summary>The <c>"type"</c> string of this message (see <see cref="WireMessageType"/>).</summary>
    public abstract string Type { get; }
}
