using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Web;

/// <summary>A decision as JSON for the page and scripts: wire names for verdict and side, reasons with their messages.</summary>
public sealed record DecisionView(long Seq, DateTimeOffset At, long Login, string Id, string Symbol, string Side, decimal RequestedLots,
    string Verdict, decimal Lots, IReadOnlyList<ReasonView> Reasons, decimal? MarginLevelAfter, double LatencyMicroseconds)
{
    public static DecisionView From(DecisionRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DecisionView(d.Seq, d.At, d.Login, d.Id, d.Symbol, WireNames.Of(d.Side.ToWire()), d.RequestedLots, WireNames.Of(d.Verdict.ToWire()), d.Lots,
            [.. d.Reasons.Select(r => new ReasonView(r.Code, r.Message))],
            d.MarginLevelAfter.IsInfinite ? null : Math.Round(d.MarginLevelAfter.Percent, 2),
            Math.Round(d.Latency.TotalMicroseconds, 1));
    }

    /// <summary>Whether the decision passes the page's filters (each optional; reason matches any of its reasons).</summary>
    public bool Matches(long? login, string? verdict, string? reason, string? symbol) =>
        (login is null || Login == login)
        && (string.IsNullOrEmpty(verdict) || string.Equals(Verdict, verdict, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(reason) || Reasons.Any(r => string.Equals(r.Code, reason, StringComparison.OrdinalIgnoreCase)))
        && (string.IsNullOrEmpty(symbol) || string.Equals(Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
