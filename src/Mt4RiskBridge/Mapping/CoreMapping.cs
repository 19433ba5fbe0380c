using System.Collections.Immutable;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;

namespace Mt4RiskBridge.Mapping;

/// <summary>
/// The one translation between the wire contract and the core: wire messages onto the core's types and back. The
/// protocol knows nothing of the core, so every enum and value crosses here. Account state is built up by layering
/// messages on the state the host holds; the arrival time is always the service clock's, passed in.
/// </summary>
public static class CoreMapping
{
    public static Side ToCore(this WireSide side) => side switch
    {
        WireSide.Buy => Side.Buy,
        WireSide.Sell => Side.Sell,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static WireSide ToWire(this Side side) => side switch
    {
        Side.Buy => WireSide.Buy,
        Side.Sell => WireSide.Sell,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static OrderType ToCore(this WireOrderType orderType) => orderType switch
    {
        WireOrderType.Market => OrderType.Market,
        WireOrderType.Limit => OrderType.Limit,
        WireOrderType.Stop => OrderType.Stop,
        _ => throw new ArgumentOutOfRangeException(nameof(orderType), orderType, null),
    };

    public static WireOrderType ToWire(this OrderType orderType) => orderType switch
    {
        OrderType.Market => WireOrderType.Market,
        OrderType.Limit => WireOrderType.Limit,
        OrderType.Stop => WireOrderType.Stop,
        _ => throw new ArgumentOutOfRangeException(nameof(orderType), orderType, null),
    };

    public static StopOutMode ToCore(this WireStopOutMode mode) => mode switch
    {
        WireStopOutMode.Percent => StopOutMode.Percent,
        WireStopOutMode.Money => StopOutMode.Money,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static WireStopOutMode ToWire(this StopOutMode mode) => mode switch
    {
        StopOutMode.Percent => WireStopOutMode.Percent,
        StopOutMode.Money => WireStopOutMode.Money,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static WireVerdict ToWire(this Verdict verdict) => verdict switch
    {
        Verdict.Approve => WireVerdict.Approve,
        Verdict.Resize => WireVerdict.Resize,
        Verdict.Reject => WireVerdict.Reject,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };

    /// <summary>The calc mode the terminal reported; the parser accepts only the five MT4 modes, so this never fails for a parsed message.</summary>
    public static MarginCalcMode ToCore(this WireMarginCalcMode mode) => mode switch
    {
        WireMarginCalcMode.Forex => MarginCalcMode.Forex,
        WireMarginCalcMode.Cfd => MarginCalcMode.Cfd,
        WireMarginCalcMode.Futures => MarginCalcMode.Futures,
        WireMarginCalcMode.CfdIndex => MarginCalcMode.CfdIndex,
        WireMarginCalcMode.CfdLeverage => MarginCalcMode.CfdLeverage,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static WireMarginCalcMode ToWire(this MarginCalcMode mode) => mode switch
    {
        MarginCalcMode.Forex => WireMarginCalcMode.Forex,
        MarginCalcMode.Cfd => WireMarginCalcMode.Cfd,
        MarginCalcMode.Futures => WireMarginCalcMode.Futures,
        MarginCalcMode.CfdIndex => WireMarginCalcMode.CfdIndex,
        MarginCalcMode.CfdLeverage => WireMarginCalcMode.CfdLeverage,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static Leverage ToCore(this WireLeverage leverage) =>
        leverage.IsUnlimited ? Leverage.Unlimited : Leverage.Of(leverage.Ratio);

    /// <summary>The exact wire form of a leverage (hello and account); decisions round it, see <see cref="RoundLeverage"/>.</summary>
    public static WireLeverage ToWire(this Leverage leverage) =>
        leverage.IsUnlimited ? WireLeverage.Unlimited : WireLeverage.Of(leverage.Ratio);

    /// <summary>
    /// A leverage as a decision carries it: 2 decimal places, rounded toward less leverage. A broker figure can imply
    /// a ratio such as 499.909…; the client needs the number, not the noise.
    /// </summary>
    public static WireLeverage RoundLeverage(Leverage leverage) =>
        leverage.IsUnlimited
            ? WireLeverage.Unlimited
            : WireLeverage.Of(Math.Max(0.01m, Math.Round(leverage.Ratio, 2, MidpointRounding.ToZero)));

    /// <summary>A margin level as the wire carries it: null when infinite, else percent rounded half away from zero to 2 places.</summary>
    public static decimal? RoundMarginLevel(MarginLevel level) =>
        level.IsInfinite ? null : Math.Round(level.Percent, 2, MidpointRounding.AwayFromZero);

    public static WireTier ToWire(this LeverageTier tier) => new(tier.MinEquity, tier.Leverage.ToWire());

    /// <summary>The contract the core sizes orders with; the host assigns <see cref="SymbolSpec.Class"/> afterwards.</summary>
    public static SymbolSpec ToSymbolSpec(this SymbolMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new SymbolSpec
        {
            Name = message.Symbol,
            Digits = message.Digits,
            Point = message.Point,
            ContractSize = message.ContractSize,
            TickSize = message.TickSize,
            TickValue = message.TickValue,
            MinLot = message.MinLot,
            MaxLot = message.MaxLot,
            LotStep = message.LotStep,
            MarginCalcMode = message.MarginCalcMode.ToCore(),
            MarginInitial = message.MarginInit,
            MarginHedged = message.MarginHedged,
            BaseCurrency = message.BaseCurrency,
            ProfitCurrency = message.ProfitCurrency,
            MarginCurrency = message.MarginCurrency,
            MarginRequired = message.MarginRequired,
            StopLevel = message.StopLevel,
        };
    }

    public static Position ToPosition(this WirePosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new Position(
            position.Ticket, position.Symbol, position.Side.ToCore(), position.Lots, position.OpenPrice, position.StopLoss,
            position.TakeProfit, position.Profit, position.Swap, position.Commission, position.OpenTime, position.Magic);
    }

    public static Portfolio ToPortfolio(this EquatableArray<WirePosition> positions) =>
        Portfolio.From(positions.AsImmutableArray().Select(ToPosition));

    /// <summary>The order the check asks about; a market order without a price is judged at the current quote.</summary>
    public static OrderRequest ToOrderRequest(this CheckMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OrderRequest(
            message.Symbol, message.Side.ToCore(), message.Lots, message.OrderType.ToCore(), message.Price, message.StopLoss,
            message.TakeProfit, message.Magic, message.Comment);
    }

    /// <summary>The market order a size request is about: its lots are what the sizer works out.</summary>
    public static OrderRequest ToOrderRequest(this SizeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OrderRequest(message.Symbol, message.Side.ToCore(), 0m, OrderType.Market, StopLoss: message.StopLoss);
    }

    /// <summary>The suggestion answering the size request with <paramref name="id"/>.</summary>
    public static SuggestionMessage ToMessage(this SizeDecision size, string id)
    {
        ArgumentNullException.ThrowIfNull(size);
        return new SuggestionMessage(
            size.Lots, size.RiskLots, size.LossPerLot, size.Budget, ToWire(size.Decision.Reasons))
        { Id = id };
    }

    /// <summary>A quote aged from <paramref name="receivedAt"/> on the service clock; the terminal's time is only reported.</summary>
    public static Quote ToQuote(this TickMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Quote(message.Symbol, message.Bid, message.Ask, message.Time, receivedAt);
    }

    /// <inheritdoc cref="ToQuote(TickMessage, DateTimeOffset)"/>
    public static Quote ToQuote(this WireTick tick, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(tick);
        return new Quote(tick.Symbol, tick.Bid, tick.Ask, tick.Time, receivedAt);
    }

    /// <summary>
    /// A new account from its hello: settings only, no money yet. <see cref="AccountState.ReceivedAt"/> stays at its
    /// default, so the state is stale, and checks are refused, until an account message arrives.
    /// </summary>
    public static AccountState ToAccountState(this HelloMessage hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        return new AccountState
        {
            Login = hello.Account,
            Currency = hello.Currency,
            Equity = 0m,
            Leverage = hello.Leverage.ToCore(),
            MarginCallLevel = hello.MarginCallLevel,
            StopOutLevel = hello.StopOutLevel,
            StopOutMode = hello.StopOutMode.ToCore(),
        };
    }

    /// <summary>A later hello for a known account (another connection): refreshes the settings, keeps money and positions.</summary>
    public static AccountState WithHello(this AccountState state, HelloMessage hello)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(hello);
        return state with
        {
            Login = hello.Account,
            Currency = hello.Currency,
            Leverage = hello.Leverage.ToCore(),
            MarginCallLevel = hello.MarginCallLevel,
            StopOutLevel = hello.StopOutLevel,
            StopOutMode = hello.StopOutMode.ToCore(),
        };
    }

    /// <summary>The account's money and current leverage, fresh as of <paramref name="receivedAt"/> (service clock).</summary>
    public static AccountState WithAccount(this AccountState state, AccountMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        return state with
        {
            Balance = message.Balance,
            Equity = message.Equity,
            Margin = message.Margin,
            Leverage = message.Leverage.ToCore(),
            ReceivedAt = receivedAt,
        };
    }

    /// <summary>Replaces the open positions; does not refresh <see cref="AccountState.ReceivedAt"/>, which the account message drives.</summary>
    public static AccountState WithPositions(this AccountState state, PositionsMessage message)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        return state with { Portfolio = message.Positions.ToPortfolio(), PositionsKnown = true };
    }

    /// <summary>The state a check is judged on when it carries a snapshot: the snapshot's money and positions, fresh as of arrival.</summary>
    public static AccountState WithSnapshot(this AccountState state, CheckSnapshot snapshot, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(snapshot);
        return state with
        {
            Balance = snapshot.Balance,
            Equity = snapshot.Equity,
            Margin = snapshot.Margin,
            Portfolio = snapshot.Positions.ToPortfolio(),
            PositionsKnown = true,
            ReceivedAt = receivedAt,
        };
    }

    /// <summary>The decision message answering the check with <paramref name="id"/>.</summary>
    public static DecisionMessage ToMessage(this Decision decision, string id)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionMessage(
            decision.Verdict.ToWire(),
            decision.Lots,
            decision.RequestedLots,
            ToWire(decision.Reasons),
            RoundMarginLevel(decision.MarginLevelAfter),
            RoundLeverage(decision.Leverage),
            decision.Tier.ToWire())
        { Id = id };
    }

    /// <summary>The decision frame answering the check with <paramref name="id"/>, written straight from the engine's decision.</summary>
    public static byte[] ToFrame(this Decision decision, string id)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return WireWriter.Decision(new DecisionFrame<DecisionReasons>(
            id, decision.Verdict.ToWire(), decision.Lots, decision.RequestedLots, new DecisionReasons(decision.Reasons),
            RoundMarginLevel(decision.MarginLevelAfter), RoundLeverage(decision.Leverage), decision.Tier.ToWire()));
    }

    /// <summary>The wire form of a position, for simulated terminals.</summary>
    public static WirePosition ToWire(this Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new WirePosition(
            position.Ticket, position.Symbol, position.Side.ToWire(), position.Lots, position.OpenPrice, position.StopLoss,
            position.TakeProfit, position.Profit, position.Swap, position.Commission, position.OpenTime, position.Magic);
    }

    /// <summary>The wire form of a symbol's contract, for simulated terminals.</summary>
    public static SymbolMessage ToWire(this SymbolSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SymbolMessage(
            spec.Name, spec.Digits, spec.Point, spec.ContractSize, spec.TickSize, spec.TickValue, spec.MinLot, spec.MaxLot,
            spec.LotStep, spec.MarginCalcMode.ToWire(), spec.MarginInitial, spec.MarginHedged, spec.BaseCurrency,
            spec.ProfitCurrency, spec.MarginCurrency, spec.StopLevel, spec.MarginRequired);
    }

    /// <summary>The check asking about <paramref name="order"/>, with the correlation id every check needs.</summary>
    public static CheckMessage ToCheck(this OrderRequest order, string id, CheckSnapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new CheckMessage(
            order.Symbol, order.Side.ToWire(), order.Lots, order.OrderType.ToWire(), order.Price, order.StopLoss,
            order.TakeProfit, order.Magic, order.Comment, snapshot)
        { Id = id };
    }

    private static EquatableArray<WireReason> ToWire(ImmutableArray<Reason> reasons) =>
        reasons.Select(r => new WireReason(r.Code, r.Message, r.MaxLots)).ToEquatableArray();

    /// <summary>A decision's reasons read in place, so writing the reply copies none of them.</summary>
    private readonly struct DecisionReasons(ImmutableArray<Reason> reasons) : IDecisionReasons
    {
        public int Count => reasons.Length;

        public string Code(int index) => reasons[index].Code;

        public string Message(int index) => reasons[index].Message;

        public decimal MaxLots(int index) => reasons[index].MaxLots;
    }
}
