using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol;

/// <summary>The enum strings the parser accepts, built once from <see cref="WireNames"/>.</summary>
internal static class WireChoices
{
    public static readonly WireChoice<Side> Side = new(WireNames.Of);
    public static readonly WireChoice<OrderType> OrderType = new(WireNames.Of);
    public static readonly WireChoice<StopOutMode> StopOutMode = new(WireNames.Of);
    public static readonly WireChoice<Verdict> Verdict = new(WireNames.Of);
    public static readonly WireChoice<WarningSeverity> Severity = new(WireNames.Of);
    public static readonly WireChoice<InstructionAction> Action = new(WireNames.Of);
}
