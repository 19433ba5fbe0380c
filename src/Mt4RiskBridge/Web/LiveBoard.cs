using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Web;

/// <summary>
/// Samples the published account views twice a second, off the socket thread: rebuilds the rows of accounts that
/// changed, keeps each account's equity and margin-level history for the session, serializes the rows and the new
/// decisions once as the events every stream writes, and wakes the event streams when rows or decisions changed.
/// One pass serves every open dashboard, however many are open. A failure here must never stop the host:
/// a background service that throws takes the risk gate down with it.
/// </summary>
internal sealed partial class LiveBoard(AccountBook accounts, AccountReadModel model, LiveFeed feed, TimeProvider time, IOptions<JsonOptions> json,
    ILogger<LiveBoard> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<long, AccountHistory> _history = new();
    private readonly Dictionary<long, (AccountView View, TradingStatus? Status, int Connections, AccountRow Row)> _rows = [];
    private readonly HashSet<long> _unrenderable = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RowsSnapshot _snapshot = RowsSnapshot.Of("[]"u8.ToArray(), 0);
    private DecisionBatch _decisions = new(0, 0, []);

    /// <summary>Rows as JSON and the version they carry; the version grows each time the rows change.</summary>
    public RowsSnapshot Rows => Volatile.Read(ref _snapshot);

    /// <summary>The decisions that arrived between the last two passes, as events.</summary>
    public DecisionBatch Decisions => Volatile.Read(ref _decisions);

    /// <summary>Completes at the next change of rows or decisions.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public IReadOnlyList<HistoryPoint> HistoryOf(long login) => _history.TryGetValue(login, out var h) ? h.Points() : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>One pass; public for the benchmark and tests that want a pass now.</summary>
    internal void Sample()
    {
        var now = time.GetUtcNow();
        var changed = false;
        var seen = new HashSet<long>();
        foreach (var view in accounts.All)
        {
            seen.Add(view.Login);
            var status = feed.StatusOf(view.Login);
            var connections = feed.ConnectionsOf(view.Login);
            if (!_rows.TryGetValue(view.Login, out var known) || !ReferenceEquals(known.View, view) || !ReferenceEquals(known.Status, status) || known.Connections != connections)
            {
                if (!TryRow(view, out var row)) continue;
                _rows[view.Login] = (view, status, connections, row);
                changed = true;
                if (view.HasAccount)
                    _history.GetOrAdd(view.Login, _ => AccountHistory.TwoHours()).Add(new HistoryPoint(now.ToUnixTimeMilliseconds() / 1000.0, row.Equity, row.MarginLevel));
            }
        }
        foreach (var gone in _rows.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _rows.Remove(gone);
            _history.TryRemove(gone, out _);
            changed = true;
        }
        var decisions = feed.Decisions.Last;
        var decided = decisions != _decisions.Last;
        if (!changed && !decided) return;
        if (changed)
        {
            var rows = _rows.Values.Select(r => r.Row).OrderBy(r => r.Login).ToList();
            Volatile.Write(ref _snapshot, RowsSnapshot.Of(JsonSerializer.SerializeToUtf8Bytes(rows, json.Value.SerializerOptions), _snapshot.Version + 1));
        }
        if (decided) Volatile.Write(ref _decisions, DecisionBatch.Build(feed.Decisions, _decisions.Last, decisions, json.Value.SerializerOptions));
        var previous = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }

    /// <summary>
    /// The row of one account; false when its figures overflow the arithmetic (a parseable price or size no market
    /// has), leaving its last row in place and the other accounts' rows going on. Logged once per account.
    /// </summary>
    private bool TryRow(AccountView view, [NotNullWhen(true)] out AccountRow? row)
    {
        try
        {
            row = model.Row(view);
            _unrenderable.Remove(view.Login);
            return true;
        }
        catch (ArithmeticException ex)
        {
            row = null;
            if (_unrenderable.Add(view.Login)) LogRowFailed(ex, view.Login);
            return false;
        }
    }

    [LoggerMessage(EventId = 812, Level = LogLevel.Warning, Message = "The dashboard cannot show account {Login}: its figures overflow the margin arithmetic; its last row stays")]
    private partial void LogRowFailed(Exception exception, long login);
}
