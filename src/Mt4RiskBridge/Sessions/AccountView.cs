using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Everything the service knows of one account: what its terminal last reported, as a value swapped whole, so a
/// decision never sees half an update of the account. Quotes are the exception: the latest per symbol, each
/// replaced whole, because ticks are most of the traffic.
/// </summary>
public sealed record AccountView
{
    public required long Login { get; init; }

    /// <summary>Broker server name from hello.</summary>
    public string Server { get; init; } = "";

    public required AccountState Account { get; init; }

    /// <summary>Whether an <c>account</c> message (or a check snapshot) has arrived since hello.</summary>
    public bool HasAccount { get; init; }

    public SymbolCatalog Symbols { get; init; } = SymbolCatalog.Empty;

    /// <summary>Latest quotes; updated in place per symbol (each quote immutable), shared by every copy of this view.</summary>
    public QuoteSet Quotes { get; init; } = new();

    /// <summary>Broker server time (unix seconds) of the latest message that carried one.</summary>
    public long ServerTime { get; init; }

    /// <summary>The service's clock when <see cref="ServerTime"/> arrived.</summary>
    public DateTimeOffset ServerTimeAt { get; init; }

    /// <summary>
    /// Broker server time now: the last reported time moved on by the service's clock since it arrived, so quiet
    /// markets and weekends, which send no ticks, still see the clock advance. Null before any time arrived.
    /// </summary>
    public DateTime? ServerNow(DateTimeOffset now) =>
        ServerTime <= 0 ? null : Core.ServerTime.FromUnixSeconds(ServerTime) + (now - ServerTimeAt);
}
