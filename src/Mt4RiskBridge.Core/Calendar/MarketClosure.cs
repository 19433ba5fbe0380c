namespace Mt4RiskBridge.Core;

/// <summary>A span of server time the market is closed: from <see cref="Start"/> inclusive to <see cref="End"/> exclusive (the reopening).</summary>
public readonly record struct MarketClosure(DateTime Start, DateTime End)
{
    public bool Contains(DateTime serverTime) => serverTime >= Start && serverTime < End;
}
