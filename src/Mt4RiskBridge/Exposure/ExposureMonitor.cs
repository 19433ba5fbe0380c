using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// Watches each account's stream for the moments that hurt: higher-margin windows, weekend gaps, tier changes,
/// margin-call proximity, daily loss and drawdown, hand-placed orders that break a rule. Gates orders and pushes
/// warnings. Runs on the socket thread only, called by <see cref="TerminalSessions"/>; all times it reasons
/// about are broker server time from the terminal's own <c>time</c> fields.
/// </summary>
public sealed partial class ExposureMonitor
{
    private readonly AccountStateStore _store;
    private readonly RiskEngineSource _engines;
    private readonly ILogger<ExposureMonitor> _logger;
    private readonly LiveFeed _feed;
    private readonly NewsFeed _news;
    private readonly Dictionary<long, AccountWatch> _watches = [];

    // Built from the exposure settings in force and the news calendar, again when either is replaced (a reload).
    private ExposureSettings _settings;
    private NewsCalendar _builtNews;
    private MarketCalendar _calendar;
    private HigherMarginWindows _windows;

    // Windows change on whole minutes of server time: one computation per symbol and minute serves every check.
    private readonly Dictionary<string, ImmutableArray<LeverageWindow>> _windowsThisMinute = new(StringComparer.OrdinalIgnoreCase);
    private long _windowsMinute = long.MinValue;
    private HigherMarginWindows? _windowsCachedFor;

    public ExposureMonitor(NewsFeed news, AccountStateStore store, RiskEngineSource engines, ILogger<ExposureMonitor> logger, LiveFeed feed)
    {
        _feed = feed;
        ArgumentNullException.ThrowIfNull(news);
        ArgumentNullException.ThrowIfNull(engines);
        _news = news;
        _store = store;
        _engines = engines;
        _logger = logger;
        _settings = engines.Exposure;
        _builtNews = news.Current;
        _calendar = new MarketCalendar(_settings.Calendar);
        _windows = new HigherMarginWindows(_settings.Windows, _calendar, _builtNews);
    }

    public MarketCalendar Calendar => Current().Calendar;

    /// <summary>Minutes before a market close in which new exposure is refused (<c>Weekend:BlockNewPositionsMinutes</c>).</summary>
    public int BlockNewPositionsMinutes => Current().Settings.Weekend.BlockNewPositionsMinutes;

    /// <summary>The settings, calendar and windows in force, rebuilt on the socket thread after a reload or a news file change.</summary>
    private (ExposureSettings Settings, MarketCalendar Calendar, HigherMarginWindows Windows) Current()
    {
        var settings = _engines.Exposure;
        var news = _news.Current;
        if (!ReferenceEquals(settings, _settings) || !ReferenceEquals(news, _builtNews))
        {
            if (!ReferenceEquals(settings.Calendar, _settings.Calendar)) _calendar = new MarketCalendar(settings.Calendar);
            _windows = new HigherMarginWindows(settings.Windows, _calendar, news);
            _settings = settings;
            _builtNews = news;
        }
        return (_settings, _calendar, _windows);
    }

    /// <summary>A connection said hello: restore the account's marks from the store on first sight.</summary>
    public void OnHello(long login)
    {
        // Eligibility is reported on every hello: forget the last verdict so the next account message tells it.
        Watch(login).Eligible = null;
    }

    public void Forget(long login) => _watches.Remove(login);

    /// <summary>Higher-margin windows in force for a new position on <paramref name="spec"/>.</summary>
    public ImmutableArray<LeverageWindow> WindowsFor(AccountView view, SymbolSpec spec, DateTimeOffset now)
    {
        if (view.ServerNow(now) is not { } serverNow) return [];
        var windows = Current().Windows;
        var minute = serverNow.Ticks / TimeSpan.TicksPerMinute;
        if (minute != _windowsMinute || !ReferenceEquals(windows, _windowsCachedFor))
        {
            _windowsThisMinute.Clear();
            _windowsMinute = minute;
            _windowsCachedFor = windows;
        }
        // Keyed by name and class: the class decides the caps, and the same name could be classed differently after a settings change.
        var key = spec.Name + "|" + ((int)spec.Class).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_windowsThisMinute.TryGetValue(key, out var active))
        {
            active = windows.For(spec, new DateTime(minute * TimeSpan.TicksPerMinute, DateTimeKind.Unspecified));
            _windowsThisMinute[key] = active;
        }
        return active;
    }

    /// <summary>
    /// The facts a check is judged on that this monitor keeps: the account's check rate, and its trading state and
    /// why. The state is null while it cannot be worked out (no account report or server time yet), except that a
    /// halt, by setting or by operator, is known whatever the terminal has sent.
    /// </summary>
    public (OrderRate Rate, TradingState? State, string Why) CheckFacts(AccountView view, DateTimeOffset now, Action<Alert> push)
    {
        var watch = Watch(view.Login);
        var settings = Current().Settings;
        var rate = OrderRateLimit.Count(watch.Rate, now, settings.Limits.MaxChecksPerSecond, out var next);
        watch.Rate = next;
        if (rate.Exceeded) return (rate, watch.State, watch.Why);
        Refresh(view, watch, now, push);
        if (watch.State != TradingState.Halted)
        {
            if (settings.Limits.Halted) return (rate, TradingState.Halted, "halted by setting");
            if (_store.Halts.TryGetValue(view.Login, out var reason)) return (rate, TradingState.Halted, $"halted by operator: {reason}");
        }
        return (rate, watch.State, watch.Why);
    }

    /// <summary>
    /// A check was approved or resized at <paramref name="quote"/>: the position it opens is the service's own size.
    /// Only the most recent <see cref="MaxApprovals"/> are kept.
    /// </summary>
    public void OnApproved(long login, OrderRequest order, Decision decision, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(quote);
        if (decision.Verdict == Verdict.Reject) return;
        var approvals = Watch(login).Approvals;
        if (approvals.Count == MaxApprovals) approvals.RemoveAt(0);
        approvals.Add(new ApprovedOrder(order.Symbol, order.Side, decision.Lots, quote.Bid, quote.Ask));
    }

    /// <summary>Approvals remembered per account for matching fills; an EA fills its orders within moments.</summary>
    public const int MaxApprovals = 32;

    /// <summary>
    /// After an <c>account</c> message: tier change, margin-call proximity, trading state, weekend stress, and
    /// unlimited-leverage eligibility when the terminal reported its history.
    /// </summary>
    public void OnAccount(AccountView view, DateTimeOffset now, Action<Alert> push, int? closedTrades = null, decimal? closedLots = null)
    {
        var watch = Watch(view.Login);
        var account = view.Account;
        var settings = Current().Settings;
        if (closedTrades is { } trades && closedLots is { } lots)
        {
            var eligibility = UnlimitedEligibility.Evaluate(trades, lots, account.Equity, account.Currency, settings.Eligibility, watch.Eligible);
            if (watch.Eligible != eligibility.Eligible) push(eligibility.Alert);
            watch.Eligible = eligibility.Eligible;
        }
        if (watch.LastEquity is { } previous)
        {
            var engine = _engines.Current;
            if (TierChange.Detect(previous, account, engine.Policy, view.Symbols, view.Quotes) is { Alert: { } tierAlert })
                push(tierAlert);
        }
        watch.LastEquity = account.Equity;

        // Judged on the margin the positions need when the report contradicts them, as decisions are.
        var policy = _engines.Current.Policy;
        var inUse = account with { Margin = AccountMargin.InUse(account, policy, view.Symbols, view.Quotes) };
        var proximity = MarginCallProximity.Evaluate(inUse, now, watch.MarginCallSent, settings.Alerts);
        if (proximity is { ShouldSend: true, Alert: { } marginAlert })
        {
            push(marginAlert);
            watch.MarginCallSent = now;
        }
        else if (!proximity.IsAtRisk)
        {
            watch.MarginCallSent = null;
        }

        Refresh(view, watch, now, push);
        WeekendCheck(view, watch, now, push);
    }

    /// <summary>After a <c>positions</c> message: judge positions opened since the last list, and the weekend stress.</summary>
    public void OnPositions(AccountView view, DateTimeOffset now, Action<Alert> push, Action<CloseInstruction> instruct)
    {
        var watch = Watch(view.Login);
        var positions = view.Account.Portfolio.Positions;
        var known = watch.KnownTickets;
        watch.KnownTickets = [.. positions.Select(p => p.Ticket)];
        // The first list after hello is what was already open, not a new order.
        if (known is null) return;

        var engine = _engines.Current;
        foreach (var position in positions)
        {
            if (known.Contains(position.Ticket)) continue;
            watch.OpenedSinceWeekendWarning = true;
            var windows = view.Symbols.TryGet(position.Symbol, out var spec) ? WindowsFor(view, spec, now) : [];
            var result = PostTradeCheck.Evaluate(position, view.Account, view.Symbols, view.Quotes, engine, now, Current().Settings.Enforcement, windows, watch.Approvals);
            // One approval covers one fill.
            if (result.Covered is { } covered) watch.Approvals.Remove(covered);
            if (result.Alert is { } alert) push(alert);
            if (result.Instruction is { } instruction) instruct(instruction);
        }
        WeekendCheck(view, watch, now, push);
    }

    /// <summary>Periodic pass over every account, so warnings due on a quiet weekend still go out.</summary>
    public void Sweep(IEnumerable<AccountView> views, DateTimeOffset now, Action<long, Alert> push)
    {
        foreach (var view in views)
        {
            if (!view.HasAccount) continue;
            var watch = Watch(view.Login);
            Refresh(view, watch, now, alert => push(view.Login, alert));
            WeekendCheck(view, watch, now, alert => push(view.Login, alert));
        }
    }

    private AccountWatch Watch(long login)
    {
        if (!_watches.TryGetValue(login, out var watch))
        {
            watch = new AccountWatch { Marks = _store.Load(login) };
            _watches[login] = watch;
        }
        return watch;
    }

    /// <summary>Re-evaluates the trading state; persists changed marks and announces a state change.</summary>
    private void Refresh(AccountView view, AccountWatch watch, DateTimeOffset now, Action<Alert>? push)
    {
        if (!view.HasAccount || view.ServerNow(now) is not { } serverNow) return;
        var halts = _store.Halts;
        var limits = Current().Settings.Limits;
        // A changed limit (a reload) is judged at once, like a changed account.
        var basis = (view.Account, DateOnly.FromDateTime(serverNow), (object?)halts, limits);
        if (watch.Refreshed == basis) return;
        watch.Refreshed = basis;
        var halted = halts.TryGetValue(view.Login, out var reason);
        var result = TradingStateEvaluator.Evaluate(watch.Marks, view.Account.Equity, serverNow, limits, halted, watch.State ?? TradingState.Active);
        if (result.MarksChanged) _store.Save(view.Login, result.Marks);
        watch.Marks = result.Marks;
        var why = halted ? $"{result.Why}: {reason}" : result.Why;
        if (result.State != watch.State)
        {
            LogStateChanged(view.Login, watch.State ?? TradingState.Active, result.State, why);
            if (push is not null && result.Alert is { } alert) push(alert);
        }
        watch.State = result.State;
        watch.Why = why;
        _feed.TradingState(view.Login, result.State, why);
    }

    private void WeekendCheck(AccountView view, AccountWatch watch, DateTimeOffset now, Action<Alert> push)
    {
        if (!view.HasAccount || view.Account.Portfolio.Count == 0 || view.ServerNow(now) is not { } serverNow) return;
        var (settings, calendar, _) = Current();
        var close = WeekendWarningSchedule.NextClose(calendar, view.Account, view.Symbols, settings.Weekend, serverNow);
        if (!WeekendWarningSchedule.IsDue(serverNow, close, watch.WeekendSent, watch.OpenedSinceWeekendWarning, settings.Weekend)) return;
        var stress = WeekendStress.Evaluate(view.Account, view.Symbols, view.Quotes, settings.Weekend, _engines.Current.Policy);
        watch.WeekendSent = serverNow;
        watch.OpenedSinceWeekendWarning = false;
        if (stress.Alert is { } alert) push(alert);
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Account {Login} trading state {Old} -> {New}: {Why}")]
    private partial void LogStateChanged(long login, TradingState old, TradingState @new, string why);
}
