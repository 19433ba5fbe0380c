using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Exposure;

/// <summary>Warning <c>unlimited_eligibility</c>: whether the trading history reported with the account qualifies for unlimited leverage, told when it changes.</summary>
internal sealed class EligibilityWatcher(ExposureInForce inForce) : AccountWatcher<EligibilityWatcher.Seen>
{
    /// <summary>Eligibility is reported on every hello: forget the last verdict so the next report tells it.</summary>
    public void OnHello(long login) => State(login).Eligible = null;

    public void OnAccount(AccountState account, long login, int? closedTrades, decimal? closedLots, Action<Alert> push)
    {
        if (closedTrades is not { } trades || closedLots is not { } lots) return;
        var seen = State(login);
        var eligibility = UnlimitedEligibility.Evaluate(trades, lots, account.Equity, account.Currency, inForce.Settings.Eligibility, seen.Eligible);
        if (seen.Eligible != eligibility.Eligible) push(eligibility.Alert);
        seen.Eligible = eligibility.Eligible;
    }

    protected override Seen Create(long login) => new();

    internal sealed class Seen
    {
        public bool? Eligible { get; set; }
    }
}
