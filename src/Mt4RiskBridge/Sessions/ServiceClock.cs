namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The socket thread's clock: the wall time read once at start, moved on by the monotonic timestamp. A wall clock
/// stepped back or forward (NTP, an operator) can then neither make old state look fresh nor freeze a rate budget;
/// every age and budget the service keeps is measured on it.
/// </summary>
public sealed class ServiceClock
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _origin;
    private readonly long _start;

    public ServiceClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _origin = time.GetUtcNow();
        _start = time.GetTimestamp();
    }

    /// <summary>The start's wall time plus the monotonic time elapsed since; never goes back.</summary>
    public DateTimeOffset Now => _origin + _time.GetElapsedTime(_start);
}
