namespace Mt4RiskBridge.Sessions;

/// <summary>An item numbered in the order it was published (1, 2, ...).</summary>
public interface ISequenced
{
    long Seq { get; }
}
