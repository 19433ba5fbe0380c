using System.Buffers;
using System.Text.Json;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Web;

/// <summary>
/// The <c>decision</c> events of the decisions after <see cref="After"/> up to <see cref="Last"/>, oldest first, as
/// the bytes every event stream writes: serialized once for all open pages, not once per page.
/// </summary>
internal sealed record DecisionBatch(long After, long Last, byte[] Events)
{
    /// <summary>At most this many of the newest decisions go out per batch; a page shows the latest, not every one.</summary>
    public const int MaxDecisions = 200;

    public static DecisionBatch Build(RecentRing<DecisionRecord> decisions, long after, long upTo, JsonSerializerOptions json)
    {
        var newest = decisions.NewestFirst(after, upTo).Take(MaxDecisions).ToList();
        var events = new ArrayBufferWriter<byte>();
        for (var i = newest.Count - 1; i >= 0; i--)
            ServerSentEvent.Write(events, "decision", JsonSerializer.SerializeToUtf8Bytes(DecisionView.From(newest[i]), json));
        return new DecisionBatch(after, Math.Max(after, upTo), events.WrittenSpan.ToArray());
    }
}
