namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The protection state of one connection: whether it is shut out, and its two budgets, messages and bytes, each
/// a bucket refilled continuously on the <see cref="ServiceClock"/> (which never goes back, so a stepped clock can
/// neither freeze nor flood a budget). Owned by the socket thread.
/// </summary>
public sealed class ConnectionGuard
{
    private Bucket _messages;
    private Bucket _bytes;

    /// <summary>Failed authentication: everything it sends until it disconnects is dropped unanswered.</summary>
    public bool Ignored { get; internal set; }

    /// <summary>Set once the current run of over-budget messages was logged, cleared when a message passes again.</summary>
    internal bool RateLimitLogged { get; set; }

    /// <summary>
    /// Takes one message of <paramref name="size"/> bytes from both budgets, or from neither: a refused message
    /// costs nothing, so a sender that slows down is served again at once.
    /// </summary>
    internal bool TryTake(DateTimeOffset now, int size, int messagesPerSecond, long bytesPerSecond, long byteBurst)
    {
        var ticks = now.UtcTicks;
        _messages.Refill(ticks, messagesPerSecond, messagesPerSecond);
        _bytes.Refill(ticks, bytesPerSecond, Math.Max(bytesPerSecond, byteBurst));
        if (_messages.Level < 1d || _bytes.Level < size) return false;
        _messages.Level -= 1d;
        _bytes.Level -= size;
        return true;
    }

    private struct Bucket
    {
        private long _refilledAt;
        private bool _started;

        public double Level;

        public void Refill(long ticks, double perSecond, double capacity)
        {
            if (!_started)
            {
                _started = true;
                Level = capacity;
            }
            else if (ticks > _refilledAt)
            {
                Level = Math.Min(capacity, Level + (ticks - _refilledAt) / (double)TimeSpan.TicksPerSecond * perSecond);
            }
            else
            {
                return;
            }
            _refilledAt = ticks;
        }
    }
}
