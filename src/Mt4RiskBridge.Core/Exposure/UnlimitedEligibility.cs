namespace Mt4RiskBridge.Core;

/// <summary>Judges the unlimited-leverage conditions from the closed-trade history the EA streams (pending orders excluded).</summary>
public static class UnlimitedEligibility
{
    public static EligibilityResult Evaluate(int closedTrades, decimal closedLots, decimal equity, string currency, EligibilitySettings settings, bool? previouslyEligible = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var trades = closedTrades >= settings.MinClosedTrades;
        var lots = closedLots >= settings.MinClosedLots;
        var equityMet = equity < settings.MaxEquity;
        var eligible = trades && lots && equityMet;
        var details = new AlertDetails()
            .Add("eligible", eligible)
            .Add("closedTrades", closedTrades)
            .Add("minClosedTrades", settings.MinClosedTrades)
            .Add("closedLots", closedLots)
            .Add("minClosedLots", settings.MinClosedLots)
            .Add("equity", equity)
            .Add("maxEquity", settings.MaxEquity)
            .Add("currency", currency)
            .Build();
        var message = AlertText.Eligibility(eligible, closedTrades, closedLots, equity, currency, settings);
        var alert = new Alert(AlertCode.UnlimitedEligibility, AlertSeverity.Info, message, details);
        return new EligibilityResult(eligible, trades, lots, equityMet, previouslyEligible != eligible, alert);
    }
}
