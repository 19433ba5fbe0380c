
namespace Mt4RiskBridge.Protocol;

/// <summary>
/// A symbol's contract as MarketInfo reports it. Prices are in the profit currency; <see cref="TickValue"/> and
/// <see cref="MarginRequired"/> are account currency per lot; <see cref="StopLevel"/> is in points.
/// </summary>
public sealed record SymbolMessage(
    string Symbol,
    int Digits,
    decimal Point,
    decimal ContractSize,
    decimal TickSize,
    decimal TickValue,
    decimal MinLot,
    decimal MaxLot,
    decimal LotStep,
    WireMarginCalcMode MarginCalcMode,
    decimal MarginInit,
    decimal MarginHedged,
    string BaseCurrency,
    string ProfitCurrency,
    string MarginCurrency,
    int StopLevel,
    decimal? MarginRequired = null) : ClientMessage
{
    public override string Type => WireMessageType.Symbol;
}
