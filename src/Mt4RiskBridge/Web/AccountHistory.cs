namespace Mt4RiskBridge.Web;

/// <summary>An account's samples over the session, oldest dropped past the capacity; written by one thread, read by many.</summary>
internal sealed class AccountHistory(int capacity)
{
    private readonly Lock _gate = new();
    private readonly List<HistoryPoint> _points = [];

    public void Add(HistoryPoint point)
    {
        lock (_gate)
        {
            // The charts plot seconds: a second change within one second replaces the first.
            if (_points.Count > 0 && Math.Floor(_points[^1].T) == Math.Floor(point.T))
            {
                _points[^1] = point;
                return;
            }
            if (_points.Count == capacity) _points.RemoveAt(0);
            _points.Add(point);
        }
    }

    public IReadOnlyList<HistoryPoint> Points()
    {
        lock (_gate) return [.. _points];
    }
}
