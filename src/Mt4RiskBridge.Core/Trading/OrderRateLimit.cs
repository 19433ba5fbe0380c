namespace Mt4RiskBridge.Core;

/// <summary>
/// The per-account order-check throttle: at most <see cref="LimitsSettings.MaxChecksPerSecond"/> checks in each
/// one-second window (a window opens at the first check after the last one closed); the rest are refused with
/// <c>rate_limit</c>. Pure: takes the last window and the time, returns the next window.
/// </summary>
public static class OrderRateLimit
{
    public static Reason? Check(RateWindow? window, DateTimeOffset now, int maxPerSecond, out RateWindow next)
    {
        if (window is null || now - window.Start >= TimeSpan.FromSeconds(1) || now < window.Start)
            window = new RateWindow(now, 0);
        next = window with { Count = window.Count + 1 };
        if (maxPerSecond <= 0 || next.Count <= maxPerSecond) return null;
        return new Reason(ReasonCode.RateLimit, ReasonText.RateLimit(next.Count, maxPerSecond), 0m);
    }
}
