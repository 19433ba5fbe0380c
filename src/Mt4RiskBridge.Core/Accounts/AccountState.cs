namespace Mt4RiskBridge.Core;

/// <summary>
/// An account as the terminal last reported it. Money is in <see cref="Currency"/>; <see cref="ReceivedAt"/> is
/// the service's clock at arrival and is what ages the state.
/// </summary>
public sealed record AccountState
{
    public long Login { get; init; }
    public required string Currency { get; init; }
    public decimal Balance { get; init; }
    public required decimal Equity { get; init; }

    /// <summary>Margin in use, as the broker charges it now.</summary>
    public decimal Margin { get; init; }

    public required Leverage Leverage { get; init; }
    public decimal MarginCallLevel { get; init; }
    public decimal StopOutLevel { get; init; }
    public StopOutMode StopOutMode { get; init; }
    public Portfolio Portfolio { get; init; } = Portfolio.Empty;

    /// <summary>
    /// Whether the terminal has reported its open positions (a <c>positions</c> message or a check snapshot). Until it
    /// has, <see cref="Portfolio"/> is empty for want of news, not because the account is flat.
    /// </summary>
    public bool PositionsKnown { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    public MarginLevel MarginLevel => MarginLevel.Of(Equity, Margin);
}
