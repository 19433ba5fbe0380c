namespace Mt4RiskBridge.Core;

/// <summary>
/// A symbol's contract as the terminal reports it (MarketInfo), plus the instrument class the service assigned.
/// Prices are in the profit currency; <see cref="TickValue"/> and <see cref="MarginRequired"/> are in the
/// account currency per lot.
/// </summary>
public sealed record SymbolSpec
{
    public required string Name { get; init; }
    public int Digits { get; init; }
    public decimal Point { get; init; }
    public required decimal ContractSize { get; init; }
    public required decimal TickSize { get; init; }

    /// <summary>Account currency gained or lost per lot when the price moves one tick.</summary>
    public required decimal TickValue { get; init; }

    public required decimal MinLot { get; init; }
    public required decimal MaxLot { get; init; }
    public required decimal LotStep { get; init; }
    public MarginCalcMode MarginCalcMode { get; init; }

    /// <summary>Initial margin per lot in the margin currency, used by <see cref="MarginCalcMode.Futures"/>.</summary>
    public decimal MarginInitial { get; init; }

    /// <summary>Margin charged per hedged lot, in contract units: 0 makes a hedge free, the contract size charges it in full per side.</summary>
    public decimal MarginHedged { get; init; }

    public required string BaseCurrency { get; init; }
    public required string ProfitCurrency { get; init; }
    public required string MarginCurrency { get; init; }

    /// <summary>The broker's own per-lot margin at the account's current leverage (MODE_MARGINREQUIRED), when streamed.</summary>
    public decimal? MarginRequired { get; init; }

    /// <summary>Minimum distance of stops from the price, in points.</summary>
    public int StopLevel { get; init; }

    public InstrumentClass Class { get; init; }

    /// <summary>Share of the per-lot margin charged to each side of a hedged pair of lots.</summary>
    public decimal HedgedShare => ContractSize > 0m ? MarginHedged / ContractSize : 1m;

    /// <summary>Account currency lost per lot if a position entered at <paramref name="entry"/> is closed at <paramref name="stopLoss"/>.</summary>
    public decimal LossAtStopPerLot(decimal entry, decimal stopLoss) => Math.Abs(entry - stopLoss) / TickSize * TickValue;

    /// <summary>Whether the account leverage (and so the equity tier) affects this symbol's margin.</summary>
    public bool UsesLeverage => MarginCalcMode is MarginCalcMode.Forex or MarginCalcMode.CfdLeverage;
}
