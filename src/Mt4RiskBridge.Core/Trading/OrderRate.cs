namespace Mt4RiskBridge.Core;

/// <summary>Checks an account made in the current one-second window, counting this one, against the limit (0 is off).</summary>
public readonly record struct OrderRate(int Count, int MaxPerSecond)
{
    public bool Exceeded => MaxPerSecond > 0 && Count > MaxPerSecond;
}
