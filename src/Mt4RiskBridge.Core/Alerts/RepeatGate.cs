namespace Mt4RiskBridge.Core;

/// <summary>Repeat suppression: a warning goes out the first time, then again only once the interval has passed.</summary>
public static class RepeatGate
{
    public static bool IsDue(DateTimeOffset now, DateTimeOffset? lastSent, int repeatMinutes) =>
        lastSent is not { } last || now - last >= TimeSpan.FromMinutes(repeatMinutes);

    public static bool IsDue(DateTime now, DateTime? lastSent, int repeatMinutes) =>
        lastSent is not { } last || now - last >= TimeSpan.FromMinutes(repeatMinutes);
}
