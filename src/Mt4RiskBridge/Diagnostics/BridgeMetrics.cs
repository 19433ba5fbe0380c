using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Diagnostics;

/// <summary>
/// The service's OpenTelemetry instruments on the <c>Mt4RiskBridge</c> meter. Names and units are chosen so the
/// Prometheus exporter writes the names operators scrape (<c>mt4riskbridge_decisions_total</c>,
/// <c>mt4riskbridge_check_duration_seconds</c>, ...). Recording is allocation-free and safe from the socket thread.
/// </summary>
public sealed class BridgeMetrics : IDisposable
{
    public const string MeterName = "Mt4RiskBridge";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _checkDuration;
    private readonly Counter<long> _messages;
    private readonly Histogram<double> _auditWrite;
    private long _pendingCheck;
    private int _connected;

    public BridgeMetrics(AccountBook accounts, BridgeCounters counters)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(counters);
        _decisions = _meter.CreateCounter<long>("mt4riskbridge.decisions", description: "Check decisions by verdict and first reason");
        _checkDuration = _meter.CreateHistogram<double>("mt4riskbridge.check.duration", unit: "s",
            description: "From a check's receipt on the socket to its decision sent",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1] });
        _messages = _meter.CreateCounter<long>("mt4riskbridge.messages", description: "Protocol messages received, by type");
        _auditWrite = _meter.CreateHistogram<double>("mt4riskbridge.audit.write", unit: "s",
            description: "Time to append one decision to the audit trail",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005, 0.025] });
        _meter.CreateObservableGauge("mt4riskbridge.terminals.connected", () => (long)Volatile.Read(ref _connected),
            description: "Terminal connections (ZeroMQ peers) the service holds");
        _meter.CreateObservableCounter("mt4riskbridge.refusals", () => counters.Current.Select(c => new Measurement<long>(c.Value,
            new KeyValuePair<string, object?>("limit", c.Key))), description: "Messages refused to protect the service, by limit");
        _meter.CreateObservableGauge("mt4riskbridge.account.margin.level", () => MarginLevels(accounts),
            description: "Margin level of each account in percent (accounts without margin in use are not reported)");
    }

    internal void Connected(int total) => Volatile.Write(ref _connected, total);

    internal void Message(string type) => _messages.Add(1, new KeyValuePair<string, object?>("type", type));

    internal void Decided(Decision decision) => _decisions.Add(1,
        new KeyValuePair<string, object?>("verdict", Protocol.WireNames.Of(decision.Verdict.ToWire())),
        new KeyValuePair<string, object?>("reason", decision.Reasons.IsDefaultOrEmpty ? "none" : decision.Reasons[0].Code));

    /// <summary>A check's handling began at <paramref name="timestamp"/> (<see cref="Stopwatch"/> ticks); socket thread only.</summary>
    internal void CheckStarted(long timestamp) => _pendingCheck = timestamp;

    /// <summary>A reply went out; ends the pending check's duration, if any. Socket thread only.</summary>
    internal void ReplySent()
    {
        if (_pendingCheck == 0) return;
        _checkDuration.Record(Stopwatch.GetElapsedTime(_pendingCheck).TotalSeconds);
        _pendingCheck = 0;
    }

    internal void AuditWritten(long started) => _auditWrite.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);

    private static IEnumerable<Measurement<double>> MarginLevels(AccountBook accounts)
    {
        foreach (var view in accounts.All)
        {
            if (!view.HasAccount) continue;
            var level = view.Account.MarginLevel;
            if (level.IsInfinite) continue;
            yield return new Measurement<double>((double)level.Percent, new KeyValuePair<string, object?>("account", view.Login));
        }
    }

    public void Dispose() => _meter.Dispose();
}
