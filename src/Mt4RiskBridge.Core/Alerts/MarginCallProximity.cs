namespace Mt4RiskBridge.Core;

/// <summary>
/// Warns before the broker's margin call: below the warning threshold <c>margin_call_risk</c> is pushed as a warn,
/// or critical once at or below the margin-call level itself; at most once per repeat interval.
/// Times are the service's clock, passed in.
/// </summary>
public static class MarginCallProximity
{
    public static MarginCallRiskResult Evaluate(AccountState account, DateTimeOffset now, DateTimeOffset? lastSent, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        var level = account.MarginLevel;
        bool atRisk, atCall;
        decimal threshold;
        if (settings.MarginLevelWarnPercent is { } explicitPercent)
        {
            threshold = explicitPercent;
            atRisk = level.IsBelow(threshold);
            atCall = account.StopOutMode == StopOutMode.Percent ? !level.IsInfinite && level.Percent <= account.MarginCallLevel : account.Equity <= account.MarginCallLevel;
        }
        else if (account.StopOutMode == StopOutMode.Money)
        {
            // In money mode the broker's level is an equity amount; warn at 150% of it.
            threshold = account.MarginCallLevel * AlertSettings.DefaultWarnFactor;
            atRisk = account.Margin > 0m && account.Equity < threshold;
            atCall = account.Margin > 0m && account.Equity <= account.MarginCallLevel;
        }
        else
        {
            threshold = account.MarginCallLevel * AlertSettings.DefaultWarnFactor;
            atRisk = level.IsBelow(threshold);
            atCall = !level.IsInfinite && level.Percent <= account.MarginCallLevel;
        }
        if (!atRisk) return new MarginCallRiskResult(false, false, level, threshold, null);

        var money = settings.MarginLevelWarnPercent is null && account.StopOutMode == StopOutMode.Money;
        var message = AlertText.MarginCallRisk(account, threshold, money);
        var details = new AlertDetails()
            .Add("equity", account.Equity)
            .Add("margin", account.Margin)
            .Add("marginLevel", level)
            .Add(money ? "warnEquity" : "warnLevelPercent", threshold)
            .Add("marginCallLevel", account.MarginCallLevel)
            .Add("stopOutLevel", account.StopOutLevel)
            .Add("mode", account.StopOutMode == StopOutMode.Money ? "money" : "percent")
            .Add("currency", account.Currency)
            .Build();
        var alert = new Alert(AlertCode.MarginCallRisk, atCall ? AlertSeverity.Critical : AlertSeverity.Warn, message, details);
        return new MarginCallRiskResult(true, RepeatGate.IsDue(now, lastSent, settings.RepeatMinutes), level, threshold, alert);
    }
}
