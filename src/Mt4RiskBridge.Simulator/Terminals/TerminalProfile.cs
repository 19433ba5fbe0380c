using Mt4RiskBridge.Protocol;


namespace Mt4RiskBridge.Simulator.Terminals;

/// <summary>Who a simulated terminal is: its account, broker settings and the symbols it streams.</summary>
public sealed record TerminalProfile
{
    public long Login { get; init; } = 1001;
    public string Server { get; init; } = "Simulated-Demo";
    public string Company { get; init; } = "Simulated Broker";
    public string Currency { get; init; } = "USD";
    public decimal Balance { get; init; } = 10_000m;

    /// <summary>The account leverage; unlimited is sent as 0, as the protocol says.</summary>
    public WireLeverage Leverage { get; init; } = WireLeverage.Unlimited;

    public decimal MarginCallLevel { get; init; } = 60m;
    public decimal StopOutLevel { get; init; } = 0m;
    public IReadOnlyList<string> Symbols { get; init; } = SymbolCatalogue.Names;
    public int Seed { get; init; } = 7;
    public string? Token { get; init; }

    /// <summary>Broker server time runs ahead of UTC by this much (GMT+2 is common).</summary>
    public TimeSpan ServerOffset { get; init; } = TimeSpan.FromHours(2);
}
