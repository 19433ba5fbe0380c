using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Simulator.Market;

namespace Mt4RiskBridge.Simulator.Terminals;

/// <summary>Contracts of common retail symbols on a USD account, as a typical MT4 broker reports them.</summary>
public static class SymbolCatalogue
{
    public static IReadOnlyList<string> Names { get; } = ["EURUSD", "GBPUSD", "USDJPY", "AUDUSD", "USDCHF", "EURGBP", "XAUUSD"];

    /// <summary>A fresh symbol with its own seeded walk; unknown names throw.</summary>
    public static SimulatedSymbol Create(string name, int seed) => name.ToUpperInvariant() switch
    {
        "EURUSD" => Forex("EURUSD", "EUR", "USD", 1.10000m, 5, 1m, seed),
        "GBPUSD" => Forex("GBPUSD", "GBP", "USD", 1.27000m, 5, 1m, seed),
        "AUDUSD" => Forex("AUDUSD", "AUD", "USD", 0.66000m, 5, 1m, seed),
        "USDJPY" => Forex("USDJPY", "USD", "JPY", 150.000m, 3, 1m / 150m, seed),
        "USDCHF" => Forex("USDCHF", "USD", "CHF", 0.88000m, 5, 1m / 0.88m, seed),
        "EURGBP" => Forex("EURGBP", "EUR", "GBP", 0.86500m, 5, 1.27m, seed),
        "XAUUSD" => new SimulatedSymbol(
            new SymbolMessage("XAUUSD", 2, 0.01m, 100m, 0.01m, 1m, 0.01m, 100m, 0.01m, WireMarginCalcMode.Forex, 0m, 50m,
                "XAU", "USD", "XAU", 0),
            new PriceWalk(2400.00m, 0.01m, 30, 40, seed)),
        _ => throw new ArgumentException($"no simulated contract for {name}; known: {string.Join(", ", Names)}", nameof(name)),
    };

    // profitToUsd: USD per unit of the profit currency, which the terminal folds into the tick value.
    private static SimulatedSymbol Forex(string name, string baseCurrency, string profitCurrency, decimal start, int digits, decimal profitToUsd, int seed)
    {
        var point = digits == 3 ? 0.001m : 0.00001m;
        var tickValue = 100_000m * point * profitToUsd;
        return new SimulatedSymbol(
            new SymbolMessage(name, digits, point, 100_000m, point, Math.Round(tickValue, 5), 0.01m, 100m, 0.01m, WireMarginCalcMode.Forex, 0m,
                50_000m, baseCurrency, profitCurrency, baseCurrency, 0),
            new PriceWalk(start, point, 12, 8, seed));
    }
}
