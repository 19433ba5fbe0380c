using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>Warning <c>margin_call_risk</c>: the margin level is near the broker's margin call; repeated at most every <c>Alerts:RepeatMinutes</c>.</summary>
internal sealed class MarginCallWatcher(RiskEngineSource engines, ExposureInForce inForce) : AccountWatcher<MarginCallWatcher.Seen>
{
    public void OnAccount(AccountView view, DateTimeOffset now, Action<Alert> push)
    {
        var seen = State(view.Login);
        var account = view.Account;
        // Judged on the margin the positions need when the report contradicts them, as decisions are.
        var inUse = account with { Margin = AccountMargin.InUse(account, engines.Current.Policy, view.Symbols, view.Quotes) };
        var proximity = MarginCallProximity.Evaluate(inUse, now, seen.Sent, inForce.Settings.Alerts);
        if (proximity is { ShouldSend: true, Alert: { } alert })
        {
            push(alert);
            seen.Sent = now;
        }
        else if (!proximity.IsAtRisk)
        {
            // Out of danger: the next approach warns at once.
            seen.Sent = null;
        }
    }

    protected override Seen Create(long login) => new();

    internal sealed class Seen
    {
        public DateTimeOffset? Sent { get; set; }
    }
}
