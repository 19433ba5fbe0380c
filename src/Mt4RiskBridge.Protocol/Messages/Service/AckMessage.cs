namespace Mt4RiskBridge.Protocol;

/// <summary>Confirms that a message carrying <see cref="WireMessage.Id"/> was accepted.</summary>
public sealed record AckMessage : ServiceMessage
{
    public override string Type => WireMessageType.Ack;
}
