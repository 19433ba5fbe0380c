namespace Mt4RiskBridge.TestSupport.Statements;

/// <summary>
/// A synthetic statement and the totals of the rows written into it: closed trades, their lots, their net P&amp;L
/// (profit + commission + swap), the deposit, the financing charges (negative balance rows, as a positive sum) and
/// the trades written with a stop loss.
/// </summary>
public sealed record GeneratedStatement(
    string Html, int Trades, decimal Lots, decimal NetProfit, decimal Deposits, decimal Withdrawals, int TradesWithStop);
