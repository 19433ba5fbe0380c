namespace Mt4RiskBridge.Protocol;

/// <summary>Several quotes in one frame, applied in order.</summary>
public sealed record TicksMessage(EquatableArray<WireTick> Ticks) : ClientMessage
{
    public override string Type => WireMessageType.Ticks;
}
