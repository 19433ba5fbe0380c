using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>
/// An independent statement of every rule, straight from the specification: it evaluates each rule at a given lot
/// size by pricing the whole account afresh (conversions, per-side margin, hedging, leverage in force at each
/// tier), instead of solving for the largest lot as the engine's rules do. It calls nothing in the engine.
/// </summary>
internal sealed class RuleOracle
{
    private const string Usd = "USD";

    // Leverage caps of the default class table: forex and metals may use unlimited.
    private static readonly Dictionary<InstrumentClass, decimal?> ClassCaps = new()
    {
        [InstrumentClass.ForexMajor] = null,
        [InstrumentClass.ForexMinor] = null,
        [InstrumentClass.ForexExotic] = null,
        [InstrumentClass.Metal] = null,
        [InstrumentClass.Energy] = 200m,
        [InstrumentClass.Index] = 400m,
        [InstrumentClass.Stock] = 20m,
        [InstrumentClass.Crypto] = 400m,
    };

    // The default tier table: from MinEquity upward, at most this leverage (null = unlimited).
    private static readonly (decimal MinEquity, decimal? Leverage)[] Tiers =
    [
        (0m, null), (1_000m, 2000m), (5_000m, 1000m), (15_000m, 600m), (30_000m, 400m), (60_000m, 200m),
    ];

    private readonly Scenario _s;
    private readonly OrderRequest _order;
    private readonly AccountState _account;
    private readonly Dictionary<string, (decimal Buy, decimal Sell)> _open = new(StringComparer.Ordinal);

    public RuleOracle(Scenario scenario)
    {
        _s = scenario;
        _order = scenario.Check.Order;
        _account = scenario.Check.Account;
        foreach (var p in _account.Portfolio.Positions)
        {
            var (buy, sell) = _open.GetValueOrDefault(p.Symbol);
            _open[p.Symbol] = p.Side == Side.Buy ? (buy + p.Lots, sell) : (buy, sell + p.Lots);
        }
        var (b, s) = _open.GetValueOrDefault(_order.Symbol);
        Reducible = _order.Side == Side.Buy ? Math.Max(0m, s - b) : Math.Max(0m, b - s);
    }

    /// <summary>Lots of the order that only close opposite exposure on the symbol: every rule lets them through.</summary>
    public decimal Reducible { get; }

    /// <summary>The tier leverage for the account's equity, placed in the USD tier table at the mid of its USD rate.</summary>
    public decimal? CurrentTierLeverage() => Tiers.Last(t => _account.Equity * UsdPerAccountUnit >= t.MinEquity).Leverage;

    /// <summary>USD per unit of the account currency, at the mid of the direct pair: how equity meets the tiers.</summary>
    private decimal UsdPerAccountUnit => _account.Currency == Usd
        ? 1m
        : (Leg(_account.Currency, Usd, Side.Buy)!.Value + Leg(_account.Currency, Usd, Side.Sell)!.Value) / 2m;

    /// <summary>Every rule that applies to an order of <paramref name="lots"/>; none when it only reduces exposure.</summary>
    public List<Constraint> Constraints(decimal lots)
    {
        var list = new List<Constraint>();
        var check = _s.Check;
        // Halted opens nothing and closes nothing.
        if (check.TradingState == TradingState.Halted) list.Add(new("trading_halted", lots, 0m));
        if (lots <= Reducible) return list;

        // Gates: unknown state, reduce-only and the weekend block let only reducing lots through. Crypto never closes.
        if (check.TradingState is null || check.ServerTime is null || !_account.PositionsKnown) list.Add(new("unknown_state", lots, Reducible));
        if (check.TradingState == TradingState.Reducing) list.Add(new("trading_reducing", lots, Reducible));
        if (check.BlockNewPositionsMinutes > 0 && check.ServerTime is not null && _s.Spec.Class != InstrumentClass.Crypto)
            list.Add(new("weekend_block", lots, Reducible));
        var policy = _s.Policy;
        var spec = _s.Spec;
        var equity = _account.Equity;

        // Lot caps: per order and per symbol resolve symbol → class → global; totals and counts hold per scope.
        var caps = policy.LotCaps;
        var bySymbol = caps.Symbols.GetValueOrDefault(spec.Name);
        var byClass = caps.Classes.GetValueOrDefault(spec.Class);
        var perOrder = bySymbol?.MaxLotsPerOrder ?? byClass?.MaxLotsPerOrder ?? caps.Global.MaxLotsPerOrder ?? 0m;
        if (perOrder > 0m) list.Add(new("lot_cap_order", lots, perOrder));
        var perSymbol = bySymbol?.MaxLotsPerSymbol ?? byClass?.MaxLotsPerSymbol ?? caps.Global.MaxLotsPerSymbol ?? 0m;
        var (symbolLots, symbolCount) = Held(p => p.Symbol == spec.Name);
        if (perSymbol > 0m) list.Add(new("lot_cap_symbol", symbolLots + lots, perSymbol));
        var (accountLots, accountCount) = Held(_ => true);
        var (classLots, classCount) = Held(p => _s.Specs[p.Symbol].Class == spec.Class);
        foreach (var (scopeCaps, open, count) in new[] { (caps.Global, accountLots, accountCount), (byClass, classLots, classCount), (bySymbol, symbolLots, symbolCount) })
        {
            if (scopeCaps?.MaxLotsTotal is > 0m and var total) list.Add(new("lot_cap_total", open + lots, total));
            if (scopeCaps?.MaxOpenPositions is > 0 and var most) list.Add(new("max_positions", count + 1, most));
        }

        // Margin level after the order at the current tier, the spread paid on opening: (E − spread) ÷ M ≥ floor.
        var floor = policy.MarginLevelFloorPercent;
        if (floor > 0m)
        {
            var equityAfter = equity - SpreadCostPerLot() * lots;
            list.Add(new("margin_floor", floor * UsedMarginAfter(lots), 100m * equityAfter));
            if (policy.TierAppliesTo == TierAppliesTo.AllPositions)
            {
                foreach (var (minEquity, leverage) in Tiers.Where(t => t.MinEquity > equity * UsdPerAccountUnit))
                    list.Add(new("tier_crossing", floor * AccountMargin(leverage, lots), 100m * minEquity / UsdPerAccountUnit));
            }
        }

        // Loss at the stop on the lots that add exposure.
        if (_order.StopLoss is > 0m and var stop)
        {
            if (policy.RiskPerTradePercent > 0m)
            {
                var lossPerLot = Math.Abs(Entry() - stop) / spec.TickSize * spec.TickValue;
                list.Add(new("risk_per_trade", (lots - Reducible) * lossPerLot, equity * policy.RiskPerTradePercent / 100m));
            }
        }
        else if (policy.RequireStopLoss)
        {
            list.Add(new("no_stop_loss", lots, Reducible));
        }

        if (policy.MaxEffectiveLeverage > 0m)
            list.Add(new("effective_leverage", AccountNotional(lots), policy.MaxEffectiveLeverage * equity));
        return list;
    }

    /// <summary>The margin level after the order at the current tier, in percent; null when no margin is used.</summary>
    public decimal? MarginLevelAfter(decimal lots)
    {
        var margin = UsedMarginAfter(lots);
        var equity = _account.Equity - SpreadCostPerLot() * lots;
        // no margin and nothing left (the spread ate the equity) reads 0%, not infinite
        if (margin <= 0m) return equity <= 0m ? 0m : null;
        return equity / margin * 100m;
    }

    /// <summary>
    /// The used margin with the order's symbol charged again, order included, at the current tier. The margin in use
    /// now is the broker's figure, unless pricing the open positions gives more than 5% above it: then that price.
    /// </summary>
    public decimal UsedMarginAfter(decimal lots)
    {
        var tier = CurrentTierLeverage();
        var (buy, sell) = LotsAfter(_order.Symbol, 0m);
        var priced = AccountMargin(tier, 0m);
        var inUse = priced > _account.Margin * 1.05m ? priced : _account.Margin;
        return inUse - SymbolMargin(_order.Symbol, buy, sell, tier, window: false) + OrderSymbolMargin(lots, tier);
    }

    /// <summary>
    /// The code a decision must be rejected with before any rule is weighed: <c>rate_limit</c> when the account sent
    /// more checks this second than its limit; <c>stale_state</c> when a price the decision needs is only available
    /// through a quote older than the staleness limit (or dated after now). A decision needs the order's quote, the
    /// rate that places equity in the USD tiers, and for the order's symbol and every held one its margin and notional
    /// conversions and, off forex or for a pair quoted in the account currency, its own quote. Null when neither applies.
    /// </summary>
    public string? ExpectedRejectCode()
    {
        var check = _s.Check;
        if (check.Rate.MaxPerSecond > 0 && check.Rate.Count > check.Rate.MaxPerSecond) return "rate_limit";
        var priced = IsFresh(_order.Symbol) && (_account.Currency == Usd || Leg(_account.Currency, Usd, Side.Buy) is not null);
        foreach (var symbol in _open.Keys.Append(_order.Symbol))
        {
            var spec = _s.Specs[symbol];
            var notionalCurrency = spec.MarginCalcMode == MarginCalcMode.Forex ? spec.BaseCurrency : spec.ProfitCurrency;
            priced &= TryRate(spec.MarginCurrency, Side.Buy) is not null && TryRate(notionalCurrency, Side.Buy) is not null;
            // Off forex the price is in the margin; a pair quoted in the account currency is its own conversion.
            var ownConversion = spec.MarginCalcMode == MarginCalcMode.Forex && spec.MarginCurrency == spec.BaseCurrency
                && spec.ProfitCurrency == _account.Currency && spec.BaseCurrency != _account.Currency;
            priced &= (spec.MarginCalcMode == MarginCalcMode.Forex && !ownConversion) || IsFresh(symbol);
        }
        return priced ? null : "stale_state";
    }

    /// <summary>Whether a symbol's quote may be used: received no longer ago than the staleness limit, and not after now.</summary>
    private bool IsFresh(string symbol)
    {
        var age = _s.Check.Now - _s.QuoteOf(symbol).ReceivedAt;
        return age >= TimeSpan.Zero && age <= _s.Check.StaleAfter;
    }

    /// <summary>
    /// Margin of everything held plus the order, each symbol charged at its leverage in force under a tier. A
    /// window re-prices only what the order adds: the lots already open on its symbol keep their leverage.
    /// </summary>
    public decimal AccountMargin(decimal? tierLeverage, decimal orderLots)
    {
        var total = 0m;
        foreach (var symbol in _open.Keys.Append(_order.Symbol).Distinct())
        {
            var (buy, sell) = LotsAfter(symbol, 0m);
            total += symbol == _order.Symbol ? OrderSymbolMargin(orderLots, tierLeverage) : SymbolMargin(symbol, buy, sell, tierLeverage, window: false);
        }
        return total;
    }

    /// <summary>
    /// The order's symbol with the order: the lots that close opposite positions are priced with what is open, at
    /// its own leverage; each lot beyond them is a new position at the order's leverage, window included.
    /// </summary>
    private decimal OrderSymbolMargin(decimal orderLots, decimal? tierLeverage)
    {
        var closing = Math.Min(orderLots, Reducible);
        var (buy, sell) = LotsAfter(_order.Symbol, closing);
        return SymbolMargin(_order.Symbol, buy, sell, tierLeverage, window: false)
            + (orderLots - closing) * PerLotMargin(_order.Symbol, _order.Side, tierLeverage);
    }

    /// <summary>Net notional of every symbol, in the account currency.</summary>
    public decimal AccountNotional(decimal orderLots)
    {
        var total = 0m;
        foreach (var symbol in _open.Keys.Append(_order.Symbol).Distinct())
        {
            var (buy, sell) = LotsAfter(symbol, orderLots);
            var net = buy - sell;
            total += Math.Abs(net) * NotionalPerLot(symbol, net >= 0m ? Side.Buy : Side.Sell);
        }
        return total;
    }

    /// <summary>The leverage a symbol is charged at: the least of account, tier, class cap, regulatory preset, window (the order's symbol only) and the broker's own per-lot figure.</summary>
    public decimal? LeverageInForce(string symbol, decimal? tierLeverage, bool window = true)
    {
        var spec = _s.Specs[symbol];
        decimal? leverage = _account.Leverage.IsUnlimited ? null : _account.Leverage.Ratio;
        leverage = Min(leverage, tierLeverage);
        leverage = Min(leverage, ClassCaps[spec.Class]);
        leverage = Min(leverage, PresetCap(symbol));
        if (window && symbol == _order.Symbol)
        {
            foreach (var active in _s.Check.Windows) leverage = Min(leverage, active.Cap.Ratio);
        }
        if (spec.MarginRequired is > 0m and var broker && LeveragedMode(spec))
            leverage = Min(leverage, Math.Min(LeverageOneMargin(symbol, Side.Buy), LeverageOneMargin(symbol, Side.Sell)) / broker);
        return leverage;
    }

    public decimal SpreadCostPerLot()
    {
        var quote = _s.QuoteOf(_order.Symbol);
        return (quote.Ask - quote.Bid) / _s.Spec.TickSize * _s.Spec.TickValue;
    }

    private decimal Entry() => _order.OrderType == OrderType.Market
        ? PriceFor(_order.Symbol, _order.Side)
        : _order.Price!.Value;

    private (decimal Lots, int Count) Held(Func<Position, bool> inScope)
    {
        var positions = _account.Portfolio.Positions.Where(inScope).ToList();
        return (positions.Sum(p => p.Lots), positions.Count);
    }

    private (decimal Buy, decimal Sell) LotsAfter(string symbol, decimal orderLots)
    {
        var (buy, sell) = _open.GetValueOrDefault(symbol);
        if (symbol != _order.Symbol) return (buy, sell);
        return _order.Side == Side.Buy ? (buy + orderLots, sell) : (buy, sell + orderLots);
    }

    /// <summary>Unhedged lots at the full per-lot margin of their side; each hedged pair at the hedged share of both sides.</summary>
    private decimal SymbolMargin(string symbol, decimal buyLots, decimal sellLots, decimal? tierLeverage, bool window = true)
    {
        var spec = _s.Specs[symbol];
        var perBuy = PerLotMargin(symbol, Side.Buy, tierLeverage, window);
        var perSell = PerLotMargin(symbol, Side.Sell, tierLeverage, window);
        var hedged = Math.Min(buyLots, sellLots);
        var share = spec.MarginHedged / spec.ContractSize;
        return (buyLots - hedged) * perBuy + (sellLots - hedged) * perSell + hedged * share * (perBuy + perSell);
    }

    private decimal PerLotMargin(string symbol, Side side, decimal? tierLeverage, bool window = true)
    {
        var spec = _s.Specs[symbol];
        if (!LeveragedMode(spec))
            return spec.MarginRequired is > 0m and var broker ? Math.Max(broker, LeverageOneMargin(symbol, side)) : LeverageOneMargin(symbol, side);
        var leverage = LeverageInForce(symbol, tierLeverage, window);
        return leverage is { } ratio ? LeverageOneMargin(symbol, side) / ratio : 0m;
    }

    private static bool LeveragedMode(SymbolSpec spec) => spec.MarginCalcMode is MarginCalcMode.Forex or MarginCalcMode.CfdLeverage;

    /// <summary>
    /// Margin of one lot before leverage, account currency: contract in the margin currency for forex, contract ×
    /// price for CFDs, initial margin for futures. Buys are priced at the ask, sells at the bid.
    /// </summary>
    private decimal LeverageOneMargin(string symbol, Side side)
    {
        var spec = _s.Specs[symbol];
        var rate = Rate(spec.MarginCurrency, side);
        return spec.MarginCalcMode switch
        {
            MarginCalcMode.Forex => spec.ContractSize * rate,
            MarginCalcMode.Futures => spec.MarginInitial * rate,
            _ => spec.ContractSize * PriceFor(symbol, side) * rate,
        };
    }

    private decimal NotionalPerLot(string symbol, Side side)
    {
        var spec = _s.Specs[symbol];
        return spec.MarginCalcMode == MarginCalcMode.Forex
            ? spec.ContractSize * Rate(spec.BaseCurrency, side)
            : spec.ContractSize * PriceFor(symbol, side) * Rate(spec.ProfitCurrency, side);
    }

    private decimal PriceFor(string symbol, Side side)
    {
        var quote = _s.QuoteOf(symbol);
        return side == Side.Buy ? quote.Ask : quote.Bid;
    }

    /// <summary>Account currency per unit of <paramref name="currency"/>: a direct pair, an inverted one, or through USD.</summary>
    private decimal Rate(string currency, Side side) =>
        TryRate(currency, side) ?? throw new InvalidOperationException($"no fresh rate {currency}→{_account.Currency}");

    private decimal? TryRate(string currency, Side side)
    {
        var account = _account.Currency;
        if (currency == account) return 1m;
        return Leg(currency, account, side)
            ?? (currency != Usd && account != Usd ? Leg(currency, Usd, side) * Leg(Usd, account, side) : null);
    }

    /// <summary>One conversion through a pair with a fresh quote, direct or inverted; a stale quote counts as none.</summary>
    private decimal? Leg(string from, string to, Side side)
    {
        if (IsForexPair(from + to) && IsFresh(from + to)) return PriceFor(from + to, side);
        if (IsForexPair(to + from) && IsFresh(to + from)) return 1m / PriceFor(to + from, side);
        return null;
    }

    private bool IsForexPair(string name) => _s.Specs.TryGetValue(name, out var spec) && spec.MarginCalcMode == MarginCalcMode.Forex;

    /// <summary>The regulatory caps for the symbols of <see cref="Instrument.Universe"/>.</summary>
    private decimal? PresetCap(string symbol)
    {
        var forex = symbol is "EURUSD" or "GBPUSD" or "AUDUSD" or "USDJPY" or "USDCHF" or "EURGBP" or "CHFJPY";
        return _s.Policy.RegulatoryPreset switch
        {
            RegulatoryPreset.None => null,
            // Pairs of USD, EUR, JPY, GBP, CAD, CHF are "major" for ESMA; ASIC adds AUD.
            RegulatoryPreset.Esma => symbol switch { "AUDUSD" => 20m, "XAUUSD" or "US500" => 20m, "BTCUSD" => 2m, _ => 30m },
            RegulatoryPreset.Asic => symbol switch { "XAUUSD" or "US500" => 20m, "BTCUSD" => 2m, _ => 30m },
            RegulatoryPreset.Nfa => forex ? 50m : 20m,
            RegulatoryPreset.FsaJapan => 25m,
            _ => throw new ArgumentOutOfRangeException(nameof(symbol)),
        };
    }

    private static decimal? Min(decimal? a, decimal? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
