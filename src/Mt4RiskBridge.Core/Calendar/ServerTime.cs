namespace Mt4RiskBridge.Core;

/// <summary>
/// Broker server time. MT4's <c>TimeCurrent()</c> counts seconds since 1970 on the broker's wall clock as if it
/// were UTC, so a server time is that wall-clock reading as a <see cref="DateTime"/> of unspecified kind.
/// </summary>
public static class ServerTime
{
    /// <summary>The server wall-clock reading for MT4 unix seconds.</summary>
    public static DateTime FromUnixSeconds(long seconds) =>
        DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(seconds), DateTimeKind.Unspecified);

    /// <summary>MT4 unix seconds for a server wall-clock reading.</summary>
    public static long ToUnixSeconds(DateTime serverTime) =>
        (long)(DateTime.SpecifyKind(serverTime, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;
}
