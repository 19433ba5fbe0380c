namespace Mt4RiskBridge.Sessions;

/// <summary>
/// The last <c>capacity</c> items one writer appended, readable from any thread without a lock: each item carries
/// its sequence number, so a reader that races the writer drops the slot that was overwritten under it.
/// </summary>
public sealed class RecentRing<T>(int capacity) where T : class, ISequenced
{
    private readonly T?[] _items = new T?[capacity];
    private long _last;

    /// <summary>Sequence number of the newest item (0 when empty).</summary>
    public long Last => Volatile.Read(ref _last);

    /// <summary>Next sequence number; the writer builds its item with it and then calls <see cref="Append"/>.</summary>
    internal long Next => _last + 1;

    /// <summary>Stores an item numbered <see cref="Next"/>; one writer thread only.</summary>
    internal void Append(T item)
    {
        _items[item.Seq % _items.Length] = item;
        Volatile.Write(ref _last, item.Seq);
    }

    /// <summary>
    /// Items after <paramref name="afterSeq"/> up to <paramref name="upToSeq"/>, newest first, read as the caller
    /// walks, so a reader that wants the latest few copies only those.
    /// </summary>
    public IEnumerable<T> NewestFirst(long afterSeq, long upToSeq)
    {
        var last = Math.Min(upToSeq, Last);
        var first = Math.Max(afterSeq + 1, last - _items.Length + 1);
        for (var seq = last; seq >= first; seq--)
        {
            var item = Volatile.Read(ref _items[seq % _items.Length]);
            if (item is not null && item.Seq == seq) yield return item;
        }
    }
}
