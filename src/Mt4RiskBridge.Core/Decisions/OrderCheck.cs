using System.Collections.Immutable;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Everything one decision is made from, gathered by the host and judged by <see cref="RiskEngine.Evaluate"/>.
/// <see cref="Now"/> is the service's clock, passed in so the engine reads no clock; state older than
/// <see cref="StaleAfter"/> on that clock is refused. Facts the host could not establish stay null, and an unknown
/// fact never approves an opening order.
/// </summary>
public sealed record OrderCheck
{
    public required OrderRequest Order { get; init; }
    public required AccountState Account { get; init; }
    public required SymbolCatalog Symbols { get; init; }
    public required IQuoteBook Quotes { get; init; }
    public required DateTimeOffset Now { get; init; }
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Higher-margin windows active for the order's symbol.</summary>
    public ImmutableArray<LeverageWindow> Windows { get; init; } = [];

    /// <summary>The account's trading state; null when it could not be worked out (no account report or server time).</summary>
    public TradingState? TradingState { get; init; }

    /// <summary>Why the account is in <see cref="TradingState"/>, for the reason text.</summary>
    public string TradingWhy { get; init; } = "";

    /// <summary>Broker server time now; null when the terminal has not sent one.</summary>
    public DateTime? ServerTime { get; init; }

    /// <summary>The account's check rate in the current one-second window, as the host counted it.</summary>
    public OrderRate Rate { get; init; }

    /// <summary>The market hours that place the weekend block; null when the host applies none.</summary>
    public MarketCalendar? Calendar { get; init; }

    /// <summary>Minutes before a market close in which new exposure is refused; 0 is off.</summary>
    public int BlockNewPositionsMinutes { get; init; }
}
