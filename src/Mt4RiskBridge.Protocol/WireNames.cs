using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol;

/// <summary>The lowercase wire strings of the enums the protocol carries; stable, part of the public protocol.</summary>
public static class WireNames
{
    /// <summary>The wire form of unlimited leverage where a leverage may be a number or a string.</summary>
    public const string Unlimited = "unlimited";

    public static string Of(Side side) => side switch
    {
        Side.Buy => "buy",
        Side.Sell => "sell",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static string Of(OrderType orderType) => orderType switch
    {
        OrderType.Market => "market",
        OrderType.Limit => "limit",
        OrderType.Stop => "stop",
        _ => throw new ArgumentOutOfRangeException(nameof(orderType), orderType, null),
    };

    public static string Of(StopOutMode mode) => mode switch
    {
        StopOutMode.Percent => "percent",
        StopOutMode.Money => "money",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Approve => "approve",
        Verdict.Resize => "resize",
        Verdict.Reject => "reject",
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
