namespace Mt4RiskBridge.Reports;

/// <summary>
/// Rows of one kind the report could not use, with why: listed in the report so nothing is dropped silently.
/// <see cref="Tickets"/> holds up to the first ten tickets (or row numbers) as examples.
/// </summary>
public sealed record UnusedRows(string What, string Reason, int Count, IReadOnlyList<string> Tickets);
