namespace Mt4RiskBridge.Protocol;

/// <summary>What an <see cref="InstructionMessage"/> asks the terminal to do.</summary>
public enum InstructionAction
{
    /// <summary>Close <see cref="InstructionMessage.Lots"/> of the position <see cref="InstructionMessage.Ticket"/>.</summary>
    Close,
}
