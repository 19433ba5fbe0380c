namespace Mt4RiskBridge.Transport;

/// <summary>
/// How the socket thread ordered what it read: batches, state messages skipped because a newer one replaced them,
/// and, for every check, how much of the other accounts' state read in its batch was applied before its decision
/// (always none: that state waits) and how much was still waiting. Written by the socket thread, readable from any.
/// </summary>
public sealed class BatchStatistics
{
    private long _batches;
    private long _messages;
    private long _coalesced;
    private long _checks;
    private long _backlogAppliedBeforeChecks;
    private long _checksAheadOfBacklog;

    /// <summary>Readiness events that read at least one message.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Messages read in those batches.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Id-less state messages skipped unread because a later one of the same account replaced them.</summary>
    public long Coalesced => Interlocked.Read(ref _coalesced);

    /// <summary>Checks decided.</summary>
    public long Checks => Interlocked.Read(ref _checks);

    /// <summary>
    /// Summed over checks: state messages of accounts without a check in the batch that were applied before the
    /// check was decided. The design keeps this at zero.
    /// </summary>
    public long BacklogAppliedBeforeChecks => Interlocked.Read(ref _backlogAppliedBeforeChecks);

    /// <summary>Checks decided while such state of their batch was still waiting: the checks that went first.</summary>
    public long ChecksAheadOfBacklog => Interlocked.Read(ref _checksAheadOfBacklog);

    internal void Batch(int messages)
    {
        if (messages == 0) return;
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _messages, messages);
    }

    internal void CountCoalesced() => Interlocked.Increment(ref _coalesced);

    internal void CheckDecided(int backlogApplied, int backlogWaiting)
    {
        Interlocked.Increment(ref _checks);
        if (backlogApplied > 0) Interlocked.Add(ref _backlogAppliedBeforeChecks, backlogApplied);
        if (backlogWaiting > 0) Interlocked.Increment(ref _checksAheadOfBacklog);
    }
}
