using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Sessions.Handlers;

/// <summary>
/// Answers a <c>size</c>: the core's sizer suggests a size from the same facts as a check (<see cref="CheckFacts"/>,
/// counted in the same check rate) and judges it with the same call. No order is asked for, so nothing goes to the
/// audit trail. Socket thread only.
/// </summary>
public sealed class SizeHandler(RiskEngineSource engines, CheckFacts facts, TerminalPusher pusher, ILogger<SizeHandler> logger)
    : AccountMessageHandler<SizeMessage>
{
    public override string Type => WireMessageType.Size;

    protected override byte[]? Handle(AccountSlot slot, SizeMessage message, DateTimeOffset now, long received, out bool refused)
    {
        refused = false;
        if (message.Id is null) return IdRequired(message, "the suggestion");
        var view = slot.View;
        var engine = engines.Current;
        var judged = CheckFacts.WithSnapshot(view, message.Snapshot, now);
        try
        {
            var check = facts.Gather(judged, message.ToOrderRequest(), now, alert => pusher.Alert(view.Login, alert));
            return WireWriter.Serialize(new PositionSizer(engine).Size(check, message.RiskPercent).ToMessage(message.Id));
        }
#pragma warning disable CA1031 // A failure while sizing must answer 0 lots, never a size or a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SessionLog.EngineError(logger, ex, view.Login, message.Id, message.Symbol, 0m);
            return WireWriter.Serialize(new SizeDecision(0m, 0m, 0m, 0m, engine.Failed(judged.Account, 0m)).ToMessage(message.Id));
        }
    }
}
