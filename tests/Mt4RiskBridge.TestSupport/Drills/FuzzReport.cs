using System.Globalization;

namespace Mt4RiskBridge.TestSupport.Drills;

/// <summary>What a <see cref="FuzzDrill"/> sent and what came back.</summary>
public sealed record FuzzReport
{
    public required long Sent { get; init; }

    /// <summary>Messages whose id the service could read (by the protocol's own parser): each must get exactly one reply with it.</summary>
    public required long WithId { get; init; }

    public required long Answered { get; init; }

    /// <summary>Ids that got no reply in time (first few listed in <see cref="Examples"/>).</summary>
    public required long Unanswered { get; init; }

    /// <summary>Ids that got more than one reply.</summary>
    public required long AnsweredTwice { get; init; }

    public required long MultiFrame { get; init; }

    public required long Oversize { get; init; }

    public required IReadOnlyDictionary<string, long> Replies { get; init; }

    public required IReadOnlyList<string> Examples { get; init; }

    /// <summary>A clean hello, state and check after the storm still got an approval.</summary>
    public required bool ServiceStillAnswers { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public bool Passed => Unanswered == 0 && AnsweredTwice == 0 && ServiceStillAnswers && Replies.GetValueOrDefault("unreadable reply") == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"""
        sent {Sent} messages in {Elapsed.TotalSeconds:0.0} s ({Sent / Math.Max(0.001, Elapsed.TotalSeconds):0} per s): {(Passed ? "PASSED" : "FAILED")}
        with a readable id {WithId}: answered {Answered}, unanswered {Unanswered}, answered twice {AnsweredTwice}
        of many frames {MultiFrame}, over the size limit {Oversize}; service still answers: {ServiceStillAnswers}
        replies: {string.Join(", ", Replies.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}
        """);
}
