using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Exposure;

/// <summary>Counts each account's checks against <c>Limits:MaxChecksPerSecond</c>; the decision rejects those beyond it.</summary>
internal sealed class CheckRateCounter(ExposureInForce inForce) : AccountWatcher<CheckRateCounter.Seen>
{
    public OrderRate Count(long login, DateTimeOffset now)
    {
        var seen = State(login);
        var rate = OrderRateLimit.Count(seen.Window, now, inForce.Settings.Limits.MaxChecksPerSecond, out var next);
        seen.Window = next;
        return rate;
    }

    protected override Seen Create(long login) => new();

    internal sealed class Seen
    {
        public RateWindow? Window { get; set; }
    }
}
