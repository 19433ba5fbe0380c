namespace Mt4RiskBridge.Core;

/// <summary>
/// The account's trading state and why, the marks to store (<see cref="MarksChanged"/> says whether they differ
/// from the stored ones), the day's loss and the drawdown in percent, and an alert when the state changed from
/// the one passed in.
/// </summary>
public sealed record TradingStateResult(
    TradingState State,
    string Why,
    EquityMarks Marks,
    bool DayRolledOver,
    bool MarksChanged,
    decimal DailyLossPercent,
    decimal DrawdownPercent,
    Alert? Alert);
