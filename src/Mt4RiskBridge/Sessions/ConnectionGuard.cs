namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The protection state of one connection: whether it is shut out, whether it is beyond the connection limit,
/// and its message budget, a bucket refilled on the service's clock. Owned by the socket thread.
/// </summary>
public sealed class ConnectionGuard
{
    private double _budget;
    private long _refilledAt;
    private bool _started;

    /// <summary>Failed authentication: everything it sends from now on is dropped unanswered.</summary>
    public bool Ignored { get; internal set; }

    /// <summary>Arrived while the service held its maximum of connections; not stored, every message refused.</summary>
    public bool OverCapacity { get; internal set; }

    /// <summary>Set once the current run of over-rate messages was logged, cleared when a message passes again.</summary>
    internal bool RateLimitLogged { get; set; }

    /// <summary>Takes one message from a bucket of <paramref name="perSecond"/> that refills continuously.</summary>
    internal bool TryTake(DateTimeOffset now, int perSecond)
    {
        var ticks = now.UtcTicks;
        if (!_started)
        {
            _started = true;
            _budget = perSecond;
            _refilledAt = ticks;
        }
        else if (ticks > _refilledAt)
        {
            _budget = Math.Min(perSecond, _budget + (ticks - _refilledAt) / (double)TimeSpan.TicksPerSecond * perSecond);
            _refilledAt = ticks;
        }
        if (_budget < 1d) return false;
        _budget -= 1d;
        return true;
    }
}
