namespace Mt4RiskBridge.Reports;

/// <summary>Collects unusable rows grouped by what they are and why, keeping the first few tickets of each.</summary>
internal sealed class UnusedRowList
{
    private const int ExampleCount = 10;
    private readonly List<(string What, string Reason, List<string> Tickets, int Count)> _groups = [];

    public void Add(string what, string reason, string ticket)
    {
        var index = _groups.FindIndex(g => g.What == what && g.Reason == reason);
        if (index < 0)
        {
            _groups.Add((what, reason, [ticket], 1));
            return;
        }
        var group = _groups[index];
        if (group.Tickets.Count < ExampleCount) group.Tickets.Add(ticket);
        _groups[index] = group with { Count = group.Count + 1 };
    }

    public IReadOnlyList<UnusedRows> ToList() =>
        [.. _groups.Select(g => new UnusedRows(g.What, g.Reason, g.Count, g.Tickets.ToArray()))];
}
