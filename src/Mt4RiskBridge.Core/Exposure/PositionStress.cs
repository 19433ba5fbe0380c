namespace Mt4RiskBridge.Core;

/// <summary>
/// One position under the gap: the price the gap starts from, the gap in percent, the loss in the account
/// currency (negative is a gain, for the hedging side of a symbol), and the lots to close. An exempt position
/// has no gap; an unpriced one could not be converted to the account currency and is left out of the totals.
/// </summary>
public sealed record PositionStress(
    long Ticket,
    string Symbol,
    Side Side,
    decimal Lots,
    decimal Price,
    decimal? GapPercent,
    decimal Loss,
    decimal LotsToClose,
    bool Priced);
