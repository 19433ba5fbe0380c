using System.Globalization;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>What a <see cref="RestartDrill"/> saw; <see cref="Passed"/> is true when every promise held.</summary>
public sealed record RestartDrillReport
{
    public required int Restarts { get; init; }
    public required int Terminals { get; init; }

    /// <summary>Decisions the terminals received, over all runs of the service.</summary>
    public required int DecisionsReceived { get; init; }

    /// <summary>Received approvals and resizes.</summary>
    public required int Approvals { get; init; }

    /// <summary>Received decisions that were not in the audit file right after the process that sent them was killed.</summary>
    public required IReadOnlyList<string> MissingFromAudit { get; init; }

    /// <summary>Audit lines, over all kills, that were not a complete JSON object ending in a newline.</summary>
    public required int TornLines { get; init; }

    /// <summary>Audit lines of approvals judged on an equity the terminal had not sent to that run of the service.</summary>
    public required IReadOnlyList<string> StaleApprovals { get; init; }

    /// <summary>Checks asked right after hello, before any state, that were approved (must be 0).</summary>
    public required int ProbeApprovals { get; init; }

    /// <summary>Terminal-restarts pairs where the terminal did not resync within the timeout.</summary>
    public required int ResyncFailures { get; init; }

    /// <summary>Seconds from the new process listening to the last terminal resynced, one per restart.</summary>
    public required IReadOnlyList<double> ResyncSeconds { get; init; }

    /// <summary>Seconds from SIGKILL to the new process listening, one per restart.</summary>
    public required IReadOnlyList<double> RestartSeconds { get; init; }

    public required int AuditLines { get; init; }

    public bool Passed => MissingFromAudit.Count == 0 && TornLines == 0 && StaleApprovals.Count == 0 && ProbeApprovals == 0 && ResyncFailures == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"""
        restarts {Restarts}, terminals {Terminals}: {(Passed ? "PASSED" : "FAILED")}
        decisions received {DecisionsReceived} (approvals and resizes {Approvals}), audit lines {AuditLines}
        received but missing from the audit: {MissingFromAudit.Count}; torn audit lines: {TornLines}
        approvals on state the run had not been sent: {StaleApprovals.Count}; probe checks approved before state: {ProbeApprovals}
        terminal resyncs that failed: {ResyncFailures}
        kill -> listening: median {Median(RestartSeconds):0.00} s, max {Max(RestartSeconds):0.00} s
        listening -> all terminals resynced: median {Median(ResyncSeconds):0.00} s, max {Max(ResyncSeconds):0.00} s
        """);

    private static double Median(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    private static double Max(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Max();
}
