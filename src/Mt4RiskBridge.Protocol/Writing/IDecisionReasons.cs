namespace Mt4RiskBridge.Protocol;

/// <summary>
/// The reasons of a decision being written, read by index so that a writer holding them in its own shape (the host
/// writes straight from the engine's decision) needs no copy. Implement it on a struct to keep the write allocation-free.
/// </summary>
public interface IDecisionReasons
{
    int Count { get; }

    string Code(int index);

    string Message(int index);

    decimal MaxLots(int index);
}
