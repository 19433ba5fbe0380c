namespace Mt4RiskBridge.Protocol;

/// <summary>One quote; <see cref="Time"/> is broker server time (unix seconds), reported only and never compared with the service clock.</summary>
public sealed record TickMessage(string Symbol, decimal Bid, decimal Ask, long Time) : ClientMessage
{
    public override string Type => WireMessageType.Tick;
}
