namespace Mt4RiskBridge.Core;

/// <summary>An instruction for the EA to close <see cref="Lots"/> of position <see cref="Ticket"/> (wire: { action: "close", ticket, lots }).</summary>
public sealed record CloseInstruction(long Ticket, decimal Lots)
{
    public const string CloseAction = "close";

    /// <summary>Always <c>close</c>; carried so the record serialises as the wire message.</summary>
    public string Action { get; init; } = CloseAction;
}
