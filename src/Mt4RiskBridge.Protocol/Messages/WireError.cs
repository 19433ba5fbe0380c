namespace Mt4RiskBridge.Protocol;

/// <summary>
/// A refused message: both what the parser returns for bad input and the <c>error</c> message sent back.
/// <see cref="Code"/> is one of <see cref="WireErrorCode"/>; <see cref="Message"/> names the field and the problem.
/// </summary>
public sealed record WireError(string Code, string Message) : ServiceMessage
{
    public override string Type => WireMessageType.Error;
}
