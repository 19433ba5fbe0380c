namespace Mt4RiskBridge.Web;

/// <summary>
/// An account's samples over the session for the dashboard's charts; written by one thread, read by many. The
/// recent part keeps a sample a second; a sample leaving it is folded into buckets of a few seconds, each keeping its
/// sample with the lowest margin level, so a dip still shows when the chart spans two hours. Samples are 24-byte
/// values in rings that grow as samples arrive: two hours cost a terminal 24.6 KiB, against 514 KiB as a list of
/// 7,200 records, whose removal of the oldest also moved the whole list every second.
/// </summary>
public sealed class AccountHistory(int recentSamples, int olderBuckets, int bucketSeconds)
{
    private readonly Lock _gate = new();
    private readonly Ring _recent = new(recentSamples);
    private readonly Ring _older = new(olderBuckets);

    /// <summary>The dashboard's: ten minutes a second at a time, then the worst of each 15 s, two hours in all.</summary>
    public static AccountHistory TwoHours() => new(recentSamples: 600, olderBuckets: 440, bucketSeconds: 15);

    public void Add(HistoryPoint point)
    {
        var sample = Sample.Of(point);
        lock (_gate)
        {
            // The charts plot seconds: a second change within one second replaces the first.
            if (_recent.Count > 0 && _recent.Newest.Milliseconds / 1000 == sample.Milliseconds / 1000)
            {
                _recent.Newest = sample;
                return;
            }
            if (_recent.Push(sample) is { } left) Fold(left);
        }
    }

    public IReadOnlyList<HistoryPoint> Points()
    {
        lock (_gate)
        {
            var points = new HistoryPoint[_older.Count + _recent.Count];
            _older.CopyTo(points, 0);
            _recent.CopyTo(points, _older.Count);
            return points;
        }
    }

    private void Fold(Sample left)
    {
        var bucketMilliseconds = bucketSeconds * 1000L;
        if (_older.Count > 0 && _older.Newest.Milliseconds / bucketMilliseconds == left.Milliseconds / bucketMilliseconds)
        {
            // NaN (no margin in use) compares false, so it never replaces a real level.
            if (left.MarginLevel < _older.Newest.MarginLevel || double.IsNaN(_older.Newest.MarginLevel)) _older.Newest = left;
            return;
        }
        _older.Push(left);
    }

    /// <summary>
    /// A sample as the charts need it: figures as doubles, which hold an equity to the cent below 10^13 and give a
    /// margin level 15 significant digits; NaN for no margin level.
    /// </summary>
    private readonly record struct Sample(long Milliseconds, double Equity, double MarginLevel)
    {
        public static Sample Of(HistoryPoint point) =>
            new((long)Math.Round(point.T * 1000), (double)point.Equity, point.MarginLevel is { } level ? (double)level : double.NaN);

        public HistoryPoint ToPoint() =>
            new(Milliseconds / 1000.0, (decimal)Equity, double.IsNaN(MarginLevel) ? null : (decimal)MarginLevel);
    }

    /// <summary>Oldest overwritten past the capacity; the array grows by doubling up to it.</summary>
    private sealed class Ring(int capacity)
    {
        private Sample[] _items = [];
        private int _oldest;

        public int Count { get; private set; }

        public ref Sample Newest => ref _items[(_oldest + Count - 1) % _items.Length];

        /// <summary>Adds the sample; the one it overwrote, once the ring is full.</summary>
        public Sample? Push(Sample sample)
        {
            if (Count == _items.Length && Count < capacity) Grow();
            if (Count < _items.Length)
            {
                _items[(_oldest + Count) % _items.Length] = sample;
                Count++;
                return null;
            }
            if (_items.Length == 0) return sample;
            var left = _items[_oldest];
            _items[_oldest] = sample;
            _oldest = (_oldest + 1) % _items.Length;
            return left;
        }

        public void CopyTo(HistoryPoint[] points, int start)
        {
            for (var i = 0; i < Count; i++) points[start + i] = _items[(_oldest + i) % _items.Length].ToPoint();
        }

        private void Grow()
        {
            var grown = new Sample[Math.Min(capacity, Math.Max(16, _items.Length * 2))];
            for (var i = 0; i < Count; i++) grown[i] = _items[(_oldest + i) % _items.Length];
            _items = grown;
            _oldest = 0;
        }
    }
}
