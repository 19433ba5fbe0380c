using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>A symbol the property tests trade: its contract and a typical price the generated quotes wander around.</summary>
internal sealed record Instrument(
    string Name,
    string Base,
    string Quote,
    string MarginCurrency,
    MarginCalcMode Mode,
    decimal Contract,
    int Digits,
    decimal Price,
    int MaxSpreadPoints)
{
    public decimal Tick => Digits switch { 2 => 0.01m, 3 => 0.001m, _ => 0.00001m };

    /// <summary>
    /// Majors, a minor, a JPY cross, gold (forex mode), bitcoin (CFD with leverage) and an index CFD: every
    /// account currency (USD, EUR, GBP) reaches every margin and profit currency through these pairs.
    /// </summary>
    public static readonly Instrument[] Universe =
    [
        new("EURUSD", "EUR", "USD", "EUR", MarginCalcMode.Forex, 100_000m, 5, 1.10000m, 30),
        new("GBPUSD", "GBP", "USD", "GBP", MarginCalcMode.Forex, 100_000m, 5, 1.25000m, 30),
        new("AUDUSD", "AUD", "USD", "AUD", MarginCalcMode.Forex, 100_000m, 5, 0.66000m, 30),
        new("USDJPY", "USD", "JPY", "USD", MarginCalcMode.Forex, 100_000m, 3, 150.000m, 30),
        new("USDCHF", "USD", "CHF", "USD", MarginCalcMode.Forex, 100_000m, 5, 0.90000m, 30),
        new("EURGBP", "EUR", "GBP", "EUR", MarginCalcMode.Forex, 100_000m, 5, 0.88000m, 30),
        new("CHFJPY", "CHF", "JPY", "CHF", MarginCalcMode.Forex, 100_000m, 3, 166.667m, 40),
        new("XAUUSD", "XAU", "USD", "XAU", MarginCalcMode.Forex, 100m, 2, 2000.00m, 60),
        new("BTCUSD", "BTC", "USD", "USD", MarginCalcMode.CfdLeverage, 1m, 2, 60000.00m, 5000),
        new("US500", "USD", "USD", "USD", MarginCalcMode.Cfd, 10m, 2, 5000.00m, 100),
    ];
}
