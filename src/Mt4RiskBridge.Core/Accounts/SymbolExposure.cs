namespace Mt4RiskBridge.Core;

/// <summary>Open lots on one symbol, per side, and how many positions hold them.</summary>
public readonly record struct SymbolExposure(string Symbol, decimal BuyLots, decimal SellLots, int Count)
{
    public decimal GrossLots => BuyLots + SellLots;

    /// <summary>Buy lots minus sell lots: positive is net long.</summary>
    public decimal NetLots => BuyLots - SellLots;

    /// <summary>Lots an order of <paramref name="side"/> can add while only reducing the net exposure.</summary>
    public decimal ReducibleBy(Side side) => side == Side.Buy ? Math.Max(0m, SellLots - BuyLots) : Math.Max(0m, BuyLots - SellLots);

    public SymbolExposure With(Side side, decimal lots) => side == Side.Buy
        ? this with { BuyLots = BuyLots + lots }
        : this with { SellLots = SellLots + lots };
}
