using System.Collections.Immutable;
using CsCheck;
using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

/// <summary>
/// Generators for realistic order checks: lot sizes, equities and policies spread so that every rule binds in
/// a good share of cases, and orders are often resized rather than simply approved or rejected.
/// </summary>
internal static class ScenarioGen
{
    private static readonly DateTimeOffset Now = Market.Now;

    private record struct Contract(decimal Step, int MinSteps, int MaxSteps, int HedgedHalves, int StopLevel, int BrokerLeverage);

    private static readonly Gen<Contract> GenContract = Gen.Select(
        Gen.Frequency((6, 0.01m), (3, 0.1m), (1, 1m)),
        Gen.OneOf(1, 1, 1, 2, 10),
        Gen.OneOf(5_000, 10_000, 20_000, 50_000),
        Gen.Int[0, 2],
        Gen.Frequency((4, 0), (1, 30)),
        Gen.Frequency((4, 0), (1, 50), (1, 100), (1, 300)),
        (step, min, max, hedged, stopLevel, broker) => new Contract(step, min, (int)Math.Max(min, max * 0.01m / step), hedged, stopLevel, broker));

    /// <summary>Quote moves of up to ±5% around the typical price and spreads of up to the instrument's maximum.</summary>
    private static readonly Gen<(int Move, int Spread)[]> GenQuoteMoves =
        Gen.Select(Gen.Int[-500, 500], Gen.Int[0, 100]).Array[Instrument.Universe.Length];

    private static readonly Gen<decimal> GenEquity = Gen.Select(
        Gen.Frequency(
            (2, Gen.Int[100, 999]),
            (2, Gen.Int[1_000, 4_999]),
            (2, Gen.Int[5_000, 14_999]),
            (1, Gen.Int[15_000, 29_999]),
            (1, Gen.Int[30_000, 59_999]),
            (1, Gen.Int[60_000, 250_000]),
            (2, Gen.Select(Gen.OneOf(1_000, 5_000, 15_000, 30_000, 60_000), Gen.Int[-30, 5], (b, d) => b + d))),
        Gen.Int[0, 99],
        (units, cents) => units + cents / 100m);

    private static readonly Gen<Leverage> GenAccountLeverage = Gen.Frequency(
        (2, Leverage.Unlimited), (1, Leverage.Of(2000)), (1, Leverage.Of(1000)), (3, Leverage.Of(500)),
        (2, Leverage.Of(200)), (2, Leverage.Of(100)), (1, Leverage.Of(30)));

    private static readonly Gen<LotCaps> GenGlobalCaps = Gen.Select(
        Gen.Frequency((3, 0m), (1, 1m), (1, 5m), (1, 20m)),
        Gen.Frequency((3, 0m), (1, 2m), (1, 10m), (1, 50m)),
        Gen.Frequency((3, 0m), (1, 3m), (1, 20m), (1, 100m)),
        Gen.Frequency((3, 0), (1, 2), (1, 5), (1, 10)),
        (order, symbol, total, positions) => new LotCaps(order, symbol, total, positions));

    private static readonly Gen<LotCaps> GenOverride = Gen.Select(
        Gen.Frequency((3, (decimal?)null), (1, 0.5m), (1, 3m)),
        Gen.Frequency((3, (decimal?)null), (1, 1m), (1, 8m)),
        Gen.Frequency((3, (decimal?)null), (1, 2m), (1, 15m)),
        Gen.Frequency((3, (int?)null), (1, 1), (1, 4)),
        (order, symbol, total, positions) => new LotCaps(order, symbol, total, positions));

    private static readonly Gen<LotCapTable> GenLotCaps =
        from global in GenGlobalCaps
        from symbol in Gen.Int[0, Instrument.Universe.Length * 2]
        from symbolCaps in GenOverride
        from cls in Gen.Enum<InstrumentClass>()
        from classCaps in GenOverride
        from withClass in Gen.Frequency((2, false), (1, true))
        select new LotCapTable(
            global,
            symbol < Instrument.Universe.Length ? LotCapTable.Off.Symbols.Add(Instrument.Universe[symbol].Name, symbolCaps) : LotCapTable.Off.Symbols,
            withClass ? LotCapTable.Off.Classes.Add(cls, classCaps) : LotCapTable.Off.Classes);

    public static readonly Gen<RiskPolicy> Policy = Gen.Select(
        Gen.Frequency((1, 0m), (1, 50m), (2, 100m), (2, 150m), (3, 200m), (1, 300m), (1, 500m)),
        Gen.Frequency((3, TierAppliesTo.AllPositions), (1, TierAppliesTo.NewPositions)),
        GenLotCaps,
        Gen.Frequency((3, 0m), (1, 0.5m), (2, 1m), (1, 2m), (1, 5m)),
        Gen.Frequency((4, false), (1, true)),
        Gen.Frequency((3, 0m), (1, 5m), (1, 10m), (1, 30m), (1, 100m)),
        Gen.Frequency((8, RegulatoryPreset.None), (1, RegulatoryPreset.Esma), (1, RegulatoryPreset.Asic), (1, RegulatoryPreset.Nfa), (1, RegulatoryPreset.FsaJapan)),
        (floor, appliesTo, caps, risk, requireStop, maxEffective, preset) => RiskPolicy.Default with
        {
            MarginLevelFloorPercent = floor,
            TierAppliesTo = appliesTo,
            LotCaps = caps,
            RiskPerTradePercent = risk,
            RequireStopLoss = requireStop,
            MaxEffectiveLeverage = maxEffective,
            RegulatoryPreset = preset,
        });

    private record struct PositionDraft(int Symbol, bool OnOrderSymbol, Side Side, int Steps);

    private static readonly Gen<PositionDraft[]> GenPositions = Gen.Select(
        Gen.Int[0, Instrument.Universe.Length - 1],
        Gen.Frequency((3, false), (2, true)),
        Gen.OneOf(Side.Buy, Side.Sell),
        Gen.Frequency((3, Gen.Int[1, 10]), (2, Gen.Int[10, 60]), (1, Gen.Int[60, 400])),
        (symbol, onOrder, side, steps) => new PositionDraft(symbol, onOrder, side, steps)).Array[0, 8];

    private record struct OrderDraft(int Symbol, Side Side, int Steps, bool OffStep, int? StopPoints, int? PendingOffsetPoints);

    private static readonly Gen<OrderDraft> GenOrder = Gen.Select(
        Gen.Int[0, Instrument.Universe.Length - 1],
        Gen.OneOf(Side.Buy, Side.Sell),
        Gen.Frequency((3, Gen.Int[1, 20]), (3, Gen.Int[20, 300]), (2, Gen.Int[300, 3_000]), (1, Gen.Int[3_000, 20_000])),
        Gen.Frequency((19, false), (1, true)),
        Gen.Frequency((1, Gen.Const((int?)null)), (3, Gen.Int[30, 3_000].Select(p => (int?)p))),
        Gen.Frequency((6, Gen.Const((int?)null)), (1, Gen.Int[-200, 200].Select(p => (int?)p))),
        (symbol, side, steps, offStep, stop, pending) => new OrderDraft(symbol, side, steps, offStep, stop, pending));

    /// <summary>
    /// The facts the gates judge: mostly an active account with everything known, checking within its rate and with
    /// fresh quotes; sometimes not. A stale quote is 11 s old (the limit is 10 s) or dated 5 s after now, on any symbol
    /// of the universe, so that it is needed by some decisions and by others not at all.
    /// </summary>
    private static readonly Gen<Gates> GenGates = Gen.Select(
        Gen.Frequency((40, (TradingState?)TradingState.Active), (2, TradingState.Reducing), (1, TradingState.Halted), (1, null)),
        Gen.Frequency((40, true), (1, false)),
        Gen.Frequency((40, true), (1, false)),
        Gen.Frequency((9, 0), (1, 30)),
        Gen.Frequency((40, new OrderRate(3, 20)), (1, new OrderRate(21, 20)), (2, new OrderRate(50, 0)), (2, new OrderRate(20, 20))),
        Gen.Frequency((12, Gen.Const(-1)), (1, Gen.Int[0, Instrument.Universe.Length - 1])),
        Gen.OneOf(11, -5),
        (state, timeKnown, positionsKnown, block, rate, stale, age) => new Gates(state, timeKnown, positionsKnown, block, rate, stale, age));

    /// <summary>Gate facts of a scenario; a weekend block is judged at Friday 23:50, nine minutes before the default close.</summary>
    internal readonly record struct Gates(TradingState? State, bool TimeKnown, bool PositionsKnown, int BlockMinutes, OrderRate Rate, int StaleSymbol, int StaleSeconds)
    {
        public static readonly DateTime BlockTime = new(2026, 11, 20, 23, 50, 0, DateTimeKind.Unspecified);
    }

    /// <summary>No higher-margin window most of the time; otherwise one or both kinds, at caps that often bind.</summary>
    private static readonly Gen<ImmutableArray<LeverageWindow>> GenWindows = Gen.Select(
        Gen.Frequency((4, 0), (1, 50), (1, 200)),
        Gen.Frequency((6, 0), (1, 30), (1, 100), (1, 500)),
        (weekend, news) =>
        {
            var windows = ImmutableArray.CreateBuilder<LeverageWindow>();
            if (weekend > 0) windows.Add(new LeverageWindow(ReasonCode.WeekendWindow, Leverage.Of(weekend)));
            if (news > 0) windows.Add(new LeverageWindow(ReasonCode.NewsWindow, Leverage.Of(news)));
            return windows.ToImmutable();
        });

    public static readonly Gen<Scenario> Scenario =
        from policy in Policy
        from contracts in GenContract.Array[Instrument.Universe.Length]
        from moves in GenQuoteMoves
        from currency in Gen.Frequency((4, "USD"), (1, "EUR"), (1, "GBP"))
        from equity in GenEquity
        from leverage in GenAccountLeverage
        from drafts in GenPositions
        from order in GenOrder
        from windows in GenWindows
        from extraMargin in Gen.Frequency((3, 0m), (1, 0.01m), (1, 0.05m))
        from gates in GenGates
        select WithGates(Build(policy, contracts, moves, currency, equity, leverage, drafts, order, windows, extraMargin), gates);

    private static Scenario WithGates(Scenario scenario, Gates gates) => scenario with
    {
        Check = scenario.Check with
        {
            Quotes = gates.StaleSymbol < 0 ? scenario.Check.Quotes : WithStale(scenario, Instrument.Universe[gates.StaleSymbol].Name, gates.StaleSeconds),
            Rate = gates.Rate,
            Account = scenario.Check.Account with { PositionsKnown = gates.PositionsKnown },
            TradingState = gates.State,
            TradingWhy = "generated",
            ServerTime = !gates.TimeKnown ? null : gates.BlockMinutes > 0 ? Gates.BlockTime : Market.ServerNow,
            Calendar = MarketCalendar.Default,
            BlockNewPositionsMinutes = gates.BlockMinutes,
        },
    };

    /// <summary>The scenario's quotes with one of them received <paramref name="seconds"/> before now (negative: after).</summary>
    private static QuoteBook WithStale(Scenario scenario, string symbol, int seconds) =>
        new(scenario.Check.Symbols.Specs.Select(spec =>
        {
            var quote = scenario.QuoteOf(spec.Name);
            return spec.Name == symbol ? quote with { ReceivedAt = scenario.Check.Now.AddSeconds(-seconds) } : quote;
        }));

    private static Scenario Build(
        RiskPolicy policy, Contract[] contracts, (int Move, int Spread)[] moves, string currency, decimal equity,
        Leverage leverage, PositionDraft[] drafts, OrderDraft draft, ImmutableArray<LeverageWindow> windows, decimal extraMargin)
    {
        var universe = Instrument.Universe;
        var quotes = new Quote[universe.Length];
        for (var i = 0; i < universe.Length; i++)
        {
            var instrument = universe[i];
            var bid = Math.Round(instrument.Price * (1m + moves[i].Move / 10_000m), instrument.Digits);
            var spread = moves[i].Spread * instrument.MaxSpreadPoints / 100 * instrument.Tick;
            quotes[i] = new Quote(instrument.Name, bid, bid + spread, 0, Now);
        }
        var quoteBook = new QuoteBook(quotes);

        // Tick values and broker margins need rates; price them off a catalog without them first.
        var specs = universe.Select((instrument, i) => SpecFor(instrument, contracts[i], tickValue: 1m, marginRequired: null)).ToArray();
        var rough = new Scenario(policy, new OrderCheck
        {
            Order = new OrderRequest(universe[0].Name, Side.Buy, 1m),
            Account = Market.Account(equity, leverage, currency: currency),
            Symbols = new SymbolCatalog(specs),
            Quotes = quoteBook,
            Now = Now,
            TradingState = TradingState.Active,
            ServerTime = Market.ServerNow,
        });
        for (var i = 0; i < universe.Length; i++)
        {
            var instrument = universe[i];
            var mid = quotes[i].Bid;
            var tickValue = Math.Round(instrument.Tick * instrument.Contract * RateAtBid(rough, instrument.Quote, currency), 5);
            decimal? marginRequired = contracts[i].BrokerLeverage > 0
                ? Math.Round(NotionalAtBid(rough, instrument, mid, currency) / contracts[i].BrokerLeverage, 2)
                : null;
            specs[i] = SpecFor(instrument, contracts[i], tickValue, marginRequired);
        }
        var catalog = new SymbolCatalog(specs);

        var orderSpec = specs[draft.Symbol];
        var positions = drafts.Select((p, n) =>
        {
            var symbol = p.OnOrderSymbol ? draft.Symbol : p.Symbol;
            return new Position(n + 1, specs[symbol].Name, p.Side, p.Steps * specs[symbol].LotStep, quotes[symbol].Bid);
        }).ToArray();

        var quote = quotes[draft.Symbol];
        var market = draft.Side == Side.Buy ? quote.Ask : quote.Bid;
        decimal? price = draft.PendingOffsetPoints is { } offset ? market + offset * orderSpec.Point : null;
        var entry = price ?? market;
        // Stops scale with how far the instrument moves: a few pips on EURUSD, hundreds of dollars on bitcoin.
        var scale = Math.Max(1, universe[draft.Symbol].MaxSpreadPoints / 30);
        var stopDistance = draft.StopPoints is { } points ? Math.Max(points * scale, orderSpec.StopLevel) * orderSpec.Point : 0m;
        decimal? stop = draft.StopPoints is null ? null : draft.Side == Side.Buy ? entry - stopDistance : entry + stopDistance;
        var lots = draft.Steps * orderSpec.LotStep + (draft.OffStep ? orderSpec.LotStep / 2m : 0m);
        var order = new OrderRequest(orderSpec.Name, draft.Side, lots, price is null ? OrderType.Market : OrderType.Limit, price, stop);

        var account = Market.Account(equity, leverage, currency: currency, positions: positions);
        var check = new OrderCheck
        {
            Order = order,
            Account = account,
            Symbols = catalog,
            Quotes = quoteBook,
            Now = Now,
            Windows = windows,
            TradingState = TradingState.Active,
            ServerTime = Market.ServerNow,
        };

        // The broker's used margin: what the positions cost at the current tier, sometimes a little more.
        var priced = new Scenario(policy, check);
        var oracle = new RuleOracle(priced);
        var margin = oracle.AccountMargin(oracle.CurrentTierLeverage(), 0m);
        return new Scenario(policy, check with { Account = account with { Margin = margin * (1m + extraMargin) } });
    }

    private static SymbolSpec SpecFor(Instrument instrument, Contract contract, decimal tickValue, decimal? marginRequired) => new()
    {
        Name = instrument.Name,
        Digits = instrument.Digits,
        Point = instrument.Tick,
        ContractSize = instrument.Contract,
        TickSize = instrument.Tick,
        TickValue = tickValue,
        MinLot = contract.Step * contract.MinSteps,
        MaxLot = contract.Step * contract.MaxSteps,
        LotStep = contract.Step,
        MarginCalcMode = instrument.Mode,
        MarginHedged = instrument.Contract * contract.HedgedHalves / 2m,
        BaseCurrency = instrument.Base,
        ProfitCurrency = instrument.Quote,
        MarginCurrency = instrument.MarginCurrency,
        MarginRequired = marginRequired,
        StopLevel = contract.StopLevel,
        Class = InstrumentClassifier.Default.Classify(instrument.Name, instrument.Mode, instrument.Base, instrument.Quote),
    };

    // Rates for the broker-side figures only (tick value, MODE_MARGINREQUIRED); the properties never rely on them.
    private static decimal RateAtBid(Scenario scenario, string currency, string account)
    {
        if (currency == account) return 1m;
        decimal? Leg(string from, string to) =>
            scenario.Specs.ContainsKey(from + to) ? scenario.QuoteOf(from + to).Bid
            : scenario.Specs.ContainsKey(to + from) ? 1m / scenario.QuoteOf(to + from).Bid
            : null;
        return Leg(currency, account) ?? Leg(currency, "USD")!.Value * (Leg("USD", account) ?? 1m);
    }

    private static decimal NotionalAtBid(Scenario scenario, Instrument instrument, decimal bid, string account) =>
        instrument.Mode == MarginCalcMode.Forex
            ? instrument.Contract * RateAtBid(scenario, instrument.MarginCurrency, account)
            : instrument.Contract * bid * RateAtBid(scenario, instrument.MarginCurrency, account);
}
