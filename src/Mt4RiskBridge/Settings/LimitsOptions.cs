namespace Mt4RiskBridge.Settings;

/// <summary><c>Limits</c>: trading states and the order-rate throttle.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    public decimal DailyLossPercent { get; set; }
    public decimal MaxDrawdownPercent { get; set; }
    public bool Halted { get; set; }
    public int MaxChecksPerSecond { get; set; } = 20;

    /// <summary>SQLite file keeping start-of-day and peak equity across restarts.</summary>
    public string StatePath { get; set; } = "data/state.db";
}
