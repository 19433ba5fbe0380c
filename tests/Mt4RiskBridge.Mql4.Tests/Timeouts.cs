namespace Mt4RiskBridge.Mql4.Tests;

/// <summary>Upper bounds for the scenario steps; generous for slow CI machines, small enough that a hang fails fast.</summary>
internal static class Timeouts
{
    public static readonly TimeSpan Line = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Exit = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan State = TimeSpan.FromSeconds(10);
}
