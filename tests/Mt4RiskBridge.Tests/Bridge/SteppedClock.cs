using Microsoft.Extensions.Time.Testing;

namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// A machine whose wall clock an operator or NTP can step back or forward while the monotonic timer goes on: the
/// fake clock drives time, <see cref="Step"/> moves only what <see cref="GetUtcNow"/> reads.
/// </summary>
internal sealed class SteppedClock(FakeTimeProvider inner) : TimeProvider
{
    private TimeSpan _offset;

    public void Step(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + _offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
