using Microsoft.Extensions.Logging;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Mapping;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Risk;

namespace Mt4RiskBridge.Sessions;

/// <summary>
/// How each state message changes its account's <see cref="AccountView"/> (swapped whole in the account's slot),
/// and the watchers told of the change. Holds the accounts' state from the first hello until
/// <see cref="Forget"/>. Socket thread only.
/// </summary>
public sealed partial class AccountUpdater
{
    private readonly AccountBook _accounts;
    private readonly RiskEngineSource _engines;
    private readonly ExposureMonitor _exposure;
    private readonly TerminalPusher _pusher;
    private readonly ILogger<AccountUpdater> _logger;
    private readonly HashSet<(long Login, string Symbol)> _marginMismatchReported = [];

    public AccountUpdater(AccountBook accounts, RiskEngineSource engines, ExposureMonitor exposure, TerminalPusher pusher,
        ILogger<AccountUpdater> logger)
    {
        _accounts = accounts;
        _engines = engines;
        _exposure = exposure;
        _pusher = pusher;
        _logger = logger;
    }

    /// <summary>An accepted hello: the account's slot, shared by all its connections, with the hello's fixed settings.</summary>
    public AccountSlot Hello(HelloMessage hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        if (_accounts.TryGetSlot(hello.Account, out var slot))
        {
            // Another connection of the same terminal: share the state, refresh the fixed settings.
            var existing = slot.View;
            slot.View = existing with { Server = hello.Server, Account = existing.Account.WithHello(hello) };
        }
        else
        {
            // No account message yet: the state counts as stale until one arrives.
            slot = _accounts.Add(new AccountView { Login = hello.Account, Server = hello.Server, Account = hello.ToAccountState() });
        }
        _exposure.OnHello(hello.Account);
        return slot;
    }

    public void Account(AccountSlot slot, AccountMessage account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(account);
        var view = slot.View;
        slot.View = view with { HasAccount = true, ServerTime = account.Time, ServerTimeAt = now, Account = view.Account.WithAccount(account, now) };
        _exposure.OnAccount(slot.View, now, alert => _pusher.Alert(view.Login, alert), account.ClosedTrades, account.ClosedLots);
    }

    public void Positions(AccountSlot slot, PositionsMessage positions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var view = slot.View;
        slot.View = view with { Account = view.Account.WithPositions(positions) };
        _exposure.OnPositions(slot.View, now, alert => _pusher.Alert(view.Login, alert), close => _pusher.Instruction(view.Login, close));
    }

    /// <summary>A quote changes no warning: only the view's quotes and server time move.</summary>
    public static void Tick(AccountSlot slot, TickMessage tick, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(tick);
        var view = slot.View;
        view.Quotes.Set(tick.ToQuote(now));
        // Server time moves in whole seconds: most ticks leave the view as it is.
        if (tick.Time != view.ServerTime) slot.View = view with { ServerTime = tick.Time, ServerTimeAt = now };
    }

    public static void Ticks(AccountSlot slot, TicksMessage ticks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(ticks);
        var view = slot.View;
        var latest = view.ServerTime;
        foreach (var t in ticks.Ticks)
        {
            view.Quotes.Set(t.ToQuote(now));
            latest = Math.Max(latest, t.Time);
        }
        if (latest != view.ServerTime) slot.View = view with { ServerTime = latest, ServerTimeAt = now };
    }

    /// <summary>Stores a symbol's contract; refuses, changing nothing, one whose figures the margin arithmetic cannot carry.</summary>
    public byte[]? Symbol(AccountSlot slot, SymbolMessage symbol)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(symbol);
        var view = slot.View;
        var policy = _engines.Current.Policy;
        var raw = symbol.ToSymbolSpec();
        var spec = raw with { Class = policy.Classifier.Classify(raw.Name, raw.MarginCalcMode, raw.BaseCurrency, raw.ProfitCurrency) };
        var specs = view.Symbols.Specs.Where(s => !string.Equals(s.Name, spec.Name, StringComparison.OrdinalIgnoreCase)).Append(spec);
        var updated = view with { Symbols = new SymbolCatalog(specs) };

        BrokerMarginComparison? comparison = null;
        if (updated.HasAccount)
        {
            try
            {
                comparison = BrokerMarginCheck.Compare(spec, updated.Account, policy, updated.Symbols, updated.Quotes);
            }
            catch (OverflowException)
            {
                SessionLog.Refused(_logger, view.Login, WireErrorCode.BadField);
                return WireWriter.Error(symbol.Id, WireErrorCode.BadField,
                    $"symbol {spec.Name}: contract size, prices and margin figures are too large to compute a margin from");
            }
        }
        slot.View = updated;
        if (comparison is { Differs: true } && _marginMismatchReported.Add((view.Login, spec.Name)))
            LogMarginMismatch(view.Login, spec.Name, comparison.Computed, comparison.Broker);
        return null;
    }

    /// <summary>Drops the state of an account no connection speaks for any more; false when it held none.</summary>
    public bool Forget(long login)
    {
        if (!_accounts.Remove(login)) return false;
        _exposure.Forget(login);
        _marginMismatchReported.RemoveWhere(k => k.Login == login);
        return true;
    }

    /// <summary>The periodic pass, so warnings due on a quiet account still go out.</summary>
    public void Sweep(DateTimeOffset now) => _exposure.Sweep(_accounts.All, now, _pusher.Alert);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning,
        Message = "Account {Login} {Symbol}: broker margin per lot {Broker} differs from the computed {Computed} by more than 1%; the symbol likely has its own leverage at the broker, and the larger figure is used")]
    private partial void LogMarginMismatch(long login, string symbol, decimal computed, decimal broker);
}
