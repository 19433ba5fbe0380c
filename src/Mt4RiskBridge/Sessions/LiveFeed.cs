using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Diagnostics;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// What the socket thread publishes for the dashboard, API and metrics, besides the account views in
/// <see cref="AccountBook"/>: recent decisions and warnings, trading states and connection counts. Written by the
/// socket thread only, each item immutable and published by a single reference write, so readers never lock and
/// never slow it.
/// </summary>
public sealed class LiveFeed(BridgeMetrics metrics, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, TradingStatus> _states = new();
    private readonly ConcurrentDictionary<long, int> _connections = new();

    public RecentRing<DecisionRecord> Decisions { get; } = new(2048);

    public RecentRing<WarningRecord> Warnings { get; } = new(512);

    public BridgeMetrics Metrics => metrics;

    public TradingStatus? StatusOf(long login) => _states.TryGetValue(login, out var status) ? status : null;

    public int ConnectionsOf(long login) => _connections.TryGetValue(login, out var count) ? count : 0;

    internal void Message(string type) => metrics.Message(type);

    internal void Decided(DateTimeOffset at, long login, string id, OrderRequest order, Decision decision, TimeSpan latency)
    {
        metrics.Decided(decision);
        Decisions.Append(new DecisionRecord(Decisions.Next, at, login, id, order.Symbol, order.Side, order.Lots,
            decision.Verdict, decision.Lots, decision.Reasons.IsDefault ? ImmutableArray<Reason>.Empty : decision.Reasons, decision.MarginLevelAfter, latency));
    }

    internal void Warned(long login, Alert alert) =>
        Warnings.Append(new WarningRecord(Warnings.Next, time.GetUtcNow(), login, alert.Code, alert.Severity, alert.Message));

    internal void TradingState(long login, TradingState state, string why)
    {
        if (_states.TryGetValue(login, out var known) && known.State == state && known.Why == why) return;
        _states[login] = new TradingStatus(state, why);
    }

    internal void Connections(long login, int count, int total)
    {
        if (count == 0) _connections.TryRemove(login, out _);
        else _connections[login] = count;
        metrics.Connected(total);
    }

    internal void Forget(long login)
    {
        _states.TryRemove(login, out _);
        _connections.TryRemove(login, out _);
    }
}
