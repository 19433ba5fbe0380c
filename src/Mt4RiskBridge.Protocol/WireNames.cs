
namespace Mt4RiskBridge.Protocol;

/// <summary>The lowercase wire strings of the enums the protocol carries; stable, part of the public protocol.</summary>
public static class WireNames
{
    /// <summary>The wire form of unlimited leverage where a leverage may be a number or a string.</summary>
    public const string Unlimited = "unlimited";

    public static string Of(WireSide side) => side switch
    {
        WireSide.Buy => "buy",
        WireSide.Sell => "sell",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static string Of(WireOrderType orderType) => orderType switch
    {
        WireOrderType.Market => "market",
        WireOrderType.Limit => "limit",
        WireOrderType.Stop => "stop",
        _ => throw new ArgumentOutOfRangeException(nameof(orderType), orderType, null),
    };

    public static string Of(WireStopOutMode mode) => mode switch
    {
        WireStopOutMode.Percent => "percent",
        WireStopOutMode.Money => "money",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string Of(WireVerdict verdict) => verdict switch
    {
        WireVerdict.Approve => "approve",
        WireVerdict.Resize => "resize",
        WireVerdict.Reject => "reject",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    public static string Of(WarningSeverity severity) => severity switch
    {
        WarningSeverity.Info => "info",
        WarningSeverity.Warn => "warn",
        WarningSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Of(InstructionAction action) => action switch
    {
        InstructionAction.Close => "close",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
