using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// Warning <c>weekend_exposure</c>: the gap stress of the open positions, in the period before the weekly close,
/// repeated every <c>Weekend:RepeatMinutes</c> and at once after a new position.
/// </summary>
internal sealed class WeekendWatcher(ExposureInForce inForce, RiskEngineSource engines)
    : AccountWatcher<WeekendWatcher.Seen>
{
    /// <summary>A position opened: the next check within the period warns again without waiting for the repeat.</summary>
    public void Opened(long login) => State(login).OpenedSinceWarning = true;

    public void Check(AccountView view, DateTimeOffset now, Action<Alert> push)
    {
        if (!view.HasAccount || view.Account.Portfolio.Count == 0 || view.ServerNow(now) is not { } serverNow) return;
        var seen = State(view.Login);
        var settings = inForce.Settings.Weekend;
        var close = WeekendWarningSchedule.NextClose(inForce.Calendar, view.Account, view.Symbols, settings, serverNow);
        if (!WeekendWarningSchedule.IsDue(serverNow, close, seen.Sent, seen.OpenedSinceWarning, settings)) return;
        var stress = WeekendStress.Evaluate(view.Account, view.Symbols, view.Quotes, settings, engines.Current.Policy);
        seen.Sent = serverNow;
        seen.OpenedSinceWarning = false;
        if (stress.Alert is { } alert) push(alert);
    }

    protected override Seen Create(long login) => new();

    internal sealed class Seen
    {
        public DateTime? Sent { get; set; }
        public bool OpenedSinceWarning { get; set; }
    }
}
