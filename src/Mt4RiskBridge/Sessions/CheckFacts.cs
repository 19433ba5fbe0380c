using Microsoft.Extensions.Options;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Mapping;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// Gathers the facts a check or a size request is judged on (account, positions, quotes, server time, trading
/// state, rate, windows) into the one <see cref="OrderCheck"/> the core decides from. Decides nothing. Socket
/// thread only.
/// </summary>
public sealed class CheckFacts
{
    private readonly ExposureMonitor _exposure;
    private readonly TimeSpan _staleAfter;

    public CheckFacts(ExposureMonitor exposure, IOptions<BridgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _exposure = exposure;
        _staleAfter = TimeSpan.FromSeconds(options.Value.StaleAfterSeconds);
    }

    /// <summary>A snapshot is an account report: the state is judged on it as on an account message.</summary>
    public static AccountView WithSnapshot(AccountView view, Protocol.CheckSnapshot? snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        return snapshot is null ? view : view with { Account = view.Account.WithSnapshot(snapshot, now), HasAccount = true };
    }

    /// <summary>What the decision on <paramref name="order"/> is made from; the engine judges it and the audit line records it.</summary>
    public OrderCheck Gather(AccountView view, OrderRequest order, DateTimeOffset now, Action<Alert> push)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(order);
        var windows = view.Symbols.TryGet(order.Symbol, out var spec) ? _exposure.WindowsFor(view, spec, now) : [];
        var (rate, state, why) = _exposure.CheckFacts(view, now, push);
        return new OrderCheck
        {
            Order = order,
            Account = view.Account,
            Symbols = view.Symbols,
            Quotes = view.Quotes,
            Now = now,
            StaleAfter = _staleAfter,
            Windows = windows,
            Rate = rate,
            TradingState = state,
            TradingWhy = why,
            ServerTime = view.ServerNow(now),
            Calendar = _exposure.Calendar,
            BlockNewPositionsMinutes = _exposure.BlockNewPositionsMinutes,
        };
    }
}
