namespace Mt4RiskBridge.Protocol;

/// <summary>An unasked request to the terminal to act on a position, pushed to DEALER connections only.</summary>
public sealed record InstructionMessage(InstructionAction Action, long Ticket, decimal Lots) : ServiceMessage
{
    public override string Type => WireMessageType.Instruction;
}
