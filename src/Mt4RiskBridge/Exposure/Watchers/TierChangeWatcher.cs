using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>Warning <c>tier_change</c>: the equity of this account report puts it in another leverage tier than the last one.</summary>
internal sealed class TierChangeWatcher(RiskEngineSource engines) : AccountWatcher<TierChangeWatcher.Seen>
{
    public void OnAccount(AccountView view, Action<Alert> push)
    {
        var seen = State(view.Login);
        var account = view.Account;
        // The first report after start has nothing to compare with.
        if (seen.LastEquity is { } previous
            && TierChange.Detect(previous, account, engines.Current.Policy, view.Symbols, view.Quotes) is { Alert: { } alert })
        {
            push(alert);
        }
        seen.LastEquity = account.Equity;
    }

    protected override Seen Create(long login) => new();

    internal sealed class Seen
    {
        public decimal? LastEquity { get; set; }
    }
}
