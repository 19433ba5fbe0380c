namespace Mt4RiskBridge.Core;

/// <summary>
/// A higher-margin window in force for a symbol: its code (<c>weekend_window</c> or <c>news_window</c>), the cap
/// on new orders, the server-time span it covers, and what caused it (the close, or the events).
/// </summary>
public sealed record ActiveWindow(string Code, Leverage Cap, DateTime From, DateTime To, string Cause)
{
    public LeverageWindow ToLeverageWindow() => new(Code, Cap);
}
