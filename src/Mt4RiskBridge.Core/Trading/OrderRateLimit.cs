namespace Mt4RiskBridge.Core;

/// <summary>
/// The per-account order-check throttle: checks are counted in one-second windows (a window opens at the first
/// check after the last one closed). Pure: takes the last window and the time, returns the count as a fact for
/// the decision and the next window.
/// </summary>
public static class OrderRateLimit
{
    public static OrderRate Count(RateWindow? window, DateTimeOffset now, int maxPerSecond, out RateWindow next)
    {
        if (window is null || now - window.Start >= TimeSpan.FromSeconds(1) || now < window.Start)
            window = new RateWindow(now, 0);
        next = window with { Count = window.Count + 1 };
        return new OrderRate(next.Count, maxPerSecond);
    }
}
