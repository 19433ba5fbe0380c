using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// Warning <c>trading_state</c>: ACTIVE, REDUCING (daily loss, drawdown) or HALTED, worked out from the account's
/// equity marks, which persist in the state store, and announced when it changes. Checks read the state from here.
/// </summary>
internal sealed partial class TradingStateWatcher : AccountWatcher<TradingStateWatcher.Seen>
{
    private readonly AccountStateStore _store;
    private readonly ExposureInForce _inForce;
    private readonly LiveFeed _feed;
    private readonly ILogger _logger;

    public TradingStateWatcher(AccountStateStore store, ExposureInForce inForce, LiveFeed feed, ILogger logger)
    {
        _store = store;
        _inForce = inForce;
        _feed = feed;
        _logger = logger;
    }

    /// <summary>
    /// The state a check meets and why: null while it cannot be worked out (no account report or server time yet),
    /// except that a halt, by setting or by operator, is known whatever the terminal has sent.
    /// </summary>
    public (TradingState? State, string Why) ForCheck(AccountView view, DateTimeOffset now, Action<Alert> push)
    {
        var seen = Refresh(view, now, push);
        if (seen.State != TradingState.Halted)
        {
            if (_inForce.Settings.Limits.Halted) return (TradingState.Halted, "halted by setting");
            if (_store.Halts.TryGetValue(view.Login, out var reason)) return (TradingState.Halted, $"halted by operator: {reason}");
        }
        return (seen.State, seen.Why);
    }

    /// <summary>The state last worked out, without working it out again (for a check refused by the rate limit).</summary>
    public (TradingState? State, string Why) Last(long login)
    {
        var seen = State(login);
        return (seen.State, seen.Why);
    }

    /// <summary>Re-evaluates the trading state; persists changed marks and announces a state change.</summary>
    public Seen Refresh(AccountView view, DateTimeOffset now, Action<Alert>? push)
    {
        var seen = State(view.Login);
        if (!view.HasAccount || view.ServerNow(now) is not { } serverNow) return seen;
        var halts = _store.Halts;
        var limits = _inForce.Settings.Limits;
        // An unchanged account on the same server day under the same halts and limits is not evaluated again;
        // a changed limit (a reload) is judged at once.
        var basis = (view.Account, DateOnly.FromDateTime(serverNow), (object?)halts, limits);
        if (seen.Refreshed == basis) return seen;
        seen.Refreshed = basis;
        var halted = halts.TryGetValue(view.Login, out var reason);
        // Before the first evaluation the account counts as active, for the evaluator and for what is a change
        // alike: a first evaluation that finds it active changes nothing and announces nothing.
        var previous = seen.State ?? TradingState.Active;
        var result = TradingStateEvaluator.Evaluate(seen.Marks, view.Account.Equity, serverNow, limits, halted, previous);
        if (result.MarksChanged) _store.Save(view.Login, result.Marks);
        seen.Marks = result.Marks;
        var why = halted ? $"{result.Why}: {reason}" : result.Why;
        if (result.State != previous)
        {
            LogStateChanged(view.Login, previous, result.State, why);
            if (push is not null && result.Alert is { } alert) push(alert);
        }
        seen.State = result.State;
        seen.Why = why;
        _feed.TradingState(view.Login, result.State, why);
        return seen;
    }

    /// <summary>The marks are restored from the store on first sight, so a restart keeps the day's start and the peak.</summary>
    protected override Seen Create(long login) => new() { Marks = _store.Load(login) };

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Account {Login} trading state {Old} -> {New}: {Why}")]
    private partial void LogStateChanged(long login, TradingState old, TradingState @new, string why);

    internal sealed class Seen
    {
        public EquityMarks? Marks { get; set; }

        /// <summary>The trading state last worked out; null until an account report and a server time allowed it.</summary>
        public TradingState? State { get; set; }

        public string Why { get; set; } = "";

        /// <summary>What the state was last worked out from.</summary>
        public (AccountState? Account, DateOnly Day, object? Halts, LimitsSettings? Limits) Refreshed { get; set; }
    }
}
