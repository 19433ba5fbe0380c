using Microsoft.Extensions.Options;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Risk;
using Mt4RiskBridge.Sessions;
using Mt4RiskBridge.Settings;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Web;

/// <summary>
/// Turns the account views the socket thread publishes into what the dashboard shows. Every margin, tier and
/// stress figure comes from the core (<see cref="AccountMargins"/>, <see cref="WeekendStress"/>, the tier
/// table); this class only arranges them and marks what is near a limit.
/// </summary>
internal sealed class AccountReadModel(RiskEngineSource engines, LiveFeed feed, AccountStateStore store, ServiceClock clock, IOptions<BridgeOptions> bridge)
{
    /// <summary>A margin level under this multiple of the floor is shown as near it.</summary>
    private const decimal MarginNearFactor = 1.5m;

    /// <summary>Equity within this share of the next tier boundary is shown as near it.</summary>
    private const decimal TierNearPercent = 5m;

    public AccountRow Row(AccountView view) => Build(view, out _, out _);

    public AccountDetail Detail(AccountView view, IReadOnlyList<HistoryPoint> history)
    {
        var row = Build(view, out var margins, out var policy);
        var positions = margins.Positions.Select(p => new PositionRow(p.Position.Ticket, p.Position.Symbol, Protocol.WireNames.Of(p.Position.Side.ToWire()),
            p.Position.Lots, p.Position.OpenPrice, p.Position.Profit, Round(p.AtCurrentTier), Round(p.AtNextTier), p.Unpriced)).ToList();
        var decisions = feed.Decisions.NewestFirst(0, feed.Decisions.Last).Where(d => d.Login == view.Login).Take(50).Select(DecisionView.From).ToList();
        var warnings = feed.Warnings.NewestFirst(0, feed.Warnings.Last).Where(w => w.Login == view.Login).Take(20).ToList();
        return new AccountDetail(row, positions, [.. policy.Tiers.Tiers.Skip(1).Select(t => t.MinEquity)], history, decisions, warnings);
    }

    private AccountRow Build(AccountView view, out AccountMarginsResult margins, out RiskPolicy policy)
    {
        policy = engines.Current.Policy;
        var account = view.Account;
        margins = AccountMargins.Evaluate(account, policy, view.Symbols, view.Quotes);
        var near = new List<string>();
        var level = account.MarginLevel;
        var floor = policy.MarginLevelFloorPercent;
        if (view.HasAccount && floor > 0m && level.IsBelow(floor * MarginNearFactor)) near.Add("marginLevel");

        decimal? toNext = null, toNextPercent = null;
        if (margins.NextTierEquity is { } nextEquity)
        {
            toNext = nextEquity - account.Equity;
            toNextPercent = account.Equity > 0m ? Math.Round(toNext.Value / account.Equity * 100m, 2) : null;
            if (toNextPercent is { } pct && pct <= TierNearPercent) near.Add("tier");
        }

        decimal? weekendLoss = null, weekendLevel = null;
        if (view.HasAccount && account.Portfolio.Count > 0)
        {
            var stress = WeekendStress.Evaluate(account, view.Symbols, view.Quotes, engines.Exposure.Weekend, policy);
            weekendLoss = Math.Round(stress.Loss, 2);
            weekendLevel = stress.MarginLevelAfter.IsInfinite ? null : Math.Round(stress.MarginLevelAfter.Percent, 2);
            if (!stress.Breaches.IsEmpty) near.Add("weekend");
        }

        var status = feed.StatusOf(view.Login);
        var halted = store.Halts.TryGetValue(view.Login, out var haltReason);
        var state = status?.State ?? (halted ? TradingState.Halted : TradingState.Active);
        if (state != TradingState.Active) near.Add("tradingState");
        // On the clock state is stamped with, so a stepped machine clock moves no age.
        double? age = view.HasAccount ? (clock.Now - account.ReceivedAt).TotalSeconds : null;
        if (age > bridge.Value.StaleAfterSeconds) near.Add("stale");

        return new AccountRow
        {
            Login = view.Login,
            Server = view.Server,
            Currency = account.Currency,
            HasAccount = view.HasAccount,
            Balance = account.Balance,
            Equity = account.Equity,
            Margin = account.Margin,
            MarginLevel = level.IsInfinite ? null : Math.Round(level.Percent, 2),
            FloorPercent = floor,
            Leverage = Leverage.Min(account.Leverage, margins.CurrentTier.Leverage).ToString(),
            TierLeverage = margins.CurrentTier.Leverage.ToString(),
            TierMinEquity = margins.CurrentTier.MinEquity,
            NextTierMinEquity = margins.NextTier?.MinEquity,
            NextTierLeverage = margins.NextTier?.Leverage.ToString(),
            ToNextTier = toNext,
            ToNextTierPercent = toNextPercent,
            EffectiveLeverage = margins.EffectiveLeverage is { } lev ? Math.Round(lev, 2) : null,
            OpenLots = account.Portfolio.TotalLots,
            Positions = account.Portfolio.Count,
            TradingState = TradingStateName(state),
            TradingWhy = status?.Why ?? (halted ? "halted by operator: " + haltReason : null),
            WeekendLoss = weekendLoss,
            WeekendMarginLevelAfter = weekendLevel,
            StateAgeSeconds = age is { } a ? Math.Round(a, 1) : null,
            Connections = feed.ConnectionsOf(view.Login),
            Near = near,
        };
    }

    /// <summary>Upper-case state names, as the admin API reports them (<c>ACTIVE</c>, <c>REDUCING</c>, <c>HALTED</c>).</summary>
    public static string TradingStateName(TradingState state) => state.ToString().ToUpperInvariant();

    private static decimal? Round(decimal? money) => money is { } m ? Math.Round(m, 2) : null;
}
