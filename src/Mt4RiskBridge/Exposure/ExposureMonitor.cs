using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// Routes each account's stream to the watchers that warn about the moments that hurt, one per warning family
/// (trading state, tier change, margin-call proximity, weekend gap, post-trade, unlimited eligibility), and gives
/// checks the facts they keep (check rate, trading state, higher-margin windows). Decides nothing itself. Runs on the
/// socket thread only, called by <see cref="AccountUpdater"/> and <see cref="CheckFacts"/>; all times the watchers
/// reason about are broker server time from the terminal's own <c>time</c> fields.
/// </summary>
public sealed class ExposureMonitor
{
    private readonly ExposureInForce _inForce;
    private readonly WindowsInForce _windows;
    private readonly CheckRateCounter _rate;
    private readonly TradingStateWatcher _tradingState;
    private readonly EligibilityWatcher _eligibility;
    private readonly TierChangeWatcher _tierChange;
    private readonly MarginCallWatcher _marginCall;
    private readonly PostTradeWatcher _postTrade;
    private readonly WeekendWatcher _weekend;
    private readonly IAccountWatcher[] _all;

    /// <summary>The watchers read the exposure settings in force from <paramref name="engines"/> at each check and warning, so a reload applies to the next one.</summary>
    public ExposureMonitor(NewsFeed news, AccountStateStore store, RiskEngineSource engines, ILogger<ExposureMonitor> logger, LiveFeed feed)
    {
        _inForce = new ExposureInForce(engines, news);
        _windows = new WindowsInForce(_inForce);
        _rate = new CheckRateCounter(_inForce);
        _tradingState = new TradingStateWatcher(store, _inForce, feed, logger);
        _eligibility = new EligibilityWatcher(_inForce);
        _tierChange = new TierChangeWatcher(engines);
        _marginCall = new MarginCallWatcher(engines, _inForce);
        _postTrade = new PostTradeWatcher(engines, _inForce, _windows);
        _weekend = new WeekendWatcher(_inForce, engines);
        _all = [_rate, _tradingState, _eligibility, _tierChange, _marginCall, _postTrade, _weekend];
    }

    public MarketCalendar Calendar => _inForce.Calendar;

    /// <summary>Minutes before a market close in which new exposure is refused (<c>Weekend:BlockNewPositionsMinutes</c>).</summary>
    public int BlockNewPositionsMinutes => _inForce.Settings.Weekend.BlockNewPositionsMinutes;

    /// <summary>A connection said hello.</summary>
    public void OnHello(long login) => _eligibility.OnHello(login);

    public void Forget(long login)
    {
        foreach (var watcher in _all) watcher.Forget(login);
    }

    /// <summary>Higher-margin windows in force for a new position on <paramref name="spec"/>.</summary>
    public ImmutableArray<LeverageWindow> WindowsFor(AccountView view, SymbolSpec spec, DateTimeOffset now) => _windows.For(view, spec, now);

    /// <summary>
    /// The facts a check is judged on that the watchers keep: the account's check rate, and its trading state and
    /// why. The state is null while it cannot be worked out (no account report or server time yet), except that a
    /// halt, by setting or by operator, is known whatever the terminal has sent.
    /// </summary>
    public (OrderRate Rate, TradingState? State, string Why) CheckFacts(AccountView view, DateTimeOffset now, Action<Alert> push)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rate = _rate.Count(view.Login, now);
        var (state, why) = rate.Exceeded ? _tradingState.Last(view.Login) : _tradingState.ForCheck(view, now, push);
        return (rate, state, why);
    }

    /// <summary>A check was approved or resized at <paramref name="quote"/>: the position it opens is the service's own size.</summary>
    public void OnApproved(long login, OrderRequest order, Decision decision, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(quote);
        _postTrade.OnApproved(login, order, decision, quote);
    }

    /// <summary>
    /// After an <c>account</c> message: unlimited-leverage eligibility when the terminal reported its history, tier
    /// change, margin-call proximity, trading state, weekend stress.
    /// </summary>
    public void OnAccount(AccountView view, DateTimeOffset now, Action<Alert> push, int? closedTrades = null, decimal? closedLots = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        _eligibility.OnAccount(view.Account, view.Login, closedTrades, closedLots, push);
        _tierChange.OnAccount(view, push);
        _marginCall.OnAccount(view, now, push);
        _tradingState.Refresh(view, now, push);
        _weekend.Check(view, now, push);
    }

    /// <summary>After a <c>positions</c> message: judge positions opened since the last list, and the weekend stress.</summary>
    public void OnPositions(AccountView view, DateTimeOffset now, Action<Alert> push, Action<CloseInstruction> instruct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var opened = _postTrade.OnPositions(view, now, push, instruct);
        if (opened == PostTradeWatcher.NewPositions.FirstList) return;
        if (opened == PostTradeWatcher.NewPositions.Opened) _weekend.Opened(view.Login);
        _weekend.Check(view, now, push);
    }

    /// <summary>Periodic pass over every account, so warnings due on a quiet weekend still go out.</summary>
    public void Sweep(IEnumerable<AccountView> views, DateTimeOffset now, Action<long, Alert> push)
    {
        ArgumentNullException.ThrowIfNull(views);
        foreach (var view in views)
        {
            if (!view.HasAccount) continue;
            void Push(Alert alert) => push(view.Login, alert);
            _tradingState.Refresh(view, now, Push);
            _weekend.Check(view, now, Push);
        }
    }
}
