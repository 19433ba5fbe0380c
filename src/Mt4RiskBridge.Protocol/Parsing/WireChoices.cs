
namespace Mt4RiskBridge.Protocol;

/// <summary>The enum strings the parser accepts, built once from <see cref="WireNames"/>.</summary>
internal static class WireChoices
{
    public static readonly WireChoice<WireSide> Side = new(WireNames.Of);
    public static readonly WireChoice<WireOrderType> OrderType = new(WireNames.Of);
    public static readonly WireChoice<WireStopOutMode> StopOutMode = new(WireNames.Of);
    public static readonly WireChoice<WireVerdict> Verdict = new(WireNames.Of);
    public static readonly WireChoice<WarningSeverity> Severity = new(WireNames.Of);
    public static readonly WireChoice<InstructionAction> Action = new(WireNames.Of);
}
