using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Market;

namespace Mt4RiskBridge.Simulator.Terminals;

/// <summary>A symbol a simulated terminal trades: its contract as MarketInfo would report it, and its price walk.</summary>
public sealed class SimulatedSymbol(SymbolMessage spec, PriceWalk price)
{
    public SymbolMessage Spec { get; } = spec;

    public PriceWalk Price { get; } = price;

    public string Name => Spec.Symbol;
}
