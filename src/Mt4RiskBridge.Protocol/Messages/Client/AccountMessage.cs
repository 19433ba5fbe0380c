
namespace Mt4RiskBridge.Protocol;

/// <summary>The account's money now, in the account currency; <see cref="Time"/> is broker server time (unix seconds), reported only.</summary>
public sealed record AccountMessage(
    decimal Balance,
    decimal Equity,
    decimal Margin,
    decimal FreeMargin,
    WireLeverage Leverage,
    long Time) : ClientMessage
{
    public override string Type => WireMessageType.Account;

    /// <summary>Closed trades in the account history (pending orders excluded), when the EA reports them.</summary>
    public int? ClosedTrades { get; init; }

    /// <summary>Lots of those closed trades, when the EA reports them.</summary>
    public decimal? ClosedLots { get; init; }
}
