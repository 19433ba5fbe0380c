namespace Mt4RiskBridge.Core;

/// <summary>
/// An order the service approved or resized, with the quote it was judged at: a position that matches it is the
/// service's own size, already judged, and is not judged again after the fact (prices move, and an account report
/// that already carries the spread paid would charge it twice).
/// </summary>
public sealed record ApprovedOrder(string Symbol, Side Side, decimal Lots, decimal Bid, decimal Ask)
{
    /// <summary>
    /// Whether <paramref name="position"/> is this order filled: same symbol and side, no more lots than decided, and
    /// an open price within one spread of the decision's quote (slippage of up to the spread either way).
    /// </summary>
    public bool Covers(Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (!string.Equals(position.Symbol, Symbol, StringComparison.Ordinal) || position.Side != Side || position.Lots > Lots) return false;
        var spread = Ask - Bid;
        return position.OpenPrice >= Bid - spread && position.OpenPrice <= Ask + spread;
    }
}
