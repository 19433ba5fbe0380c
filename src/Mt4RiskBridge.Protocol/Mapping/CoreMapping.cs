using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol;

/// <summary>
/// Maps wire messages onto the core's types and back. Account state is built up by layering messages on the state
/// the host holds; the arrival time is always the service clock's, passed in.
/// </summary>
public static class CoreMapping
{
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
            MarginCalcMode = message.MarginCalcMode,
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
            position.Ticket, position.Symbol, position.Side, position.Lots, position.OpenPrice, position.StopLoss,
            position.TakeProfit, position.Profit, position.Swap, position.Commission, position.OpenTime, position.Magic);
    }

    public static Portfolio ToPortfolio(this EquatableArray<WirePosition> positions) =>
        Portfolio.From(positions.AsImmutableArray().Select(ToPosition));

    /// <summary>The order the check asks about; a market order without a price is judged at the current quote.</summary>
    public static OrderRequest ToOrderRequest(this CheckMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OrderRequest(
            message.Symbol, message.Side, message.Lots, message.OrderType, message.Price, message.StopLoss,
            message.TakeProfit, message.Magic, message.Comment);
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
            Leverage = hello.Leverage,
            MarginCallLevel = hello.MarginCallLevel,
            StopOutLevel = hello.StopOutLevel,
            StopOutMode = hello.StopOutMode,
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
            Leverage = hello.Leverage,
            MarginCallLevel = hello.MarginCallLevel,
            StopOutLevel = hello.StopOutLevel,
            StopOutMode = hello.StopOutMode,
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
            Leverage = message.Leverage,
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
    public static DecisionMessage ToMessage(this Decision decision, string id) => DecisionMessage.From(id, decision);

    /// <summary>The wire form of a position, for simulated terminals.</summary>
    public static WirePosition ToWire(this Position position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return new WirePosition(
            position.Ticket, position.Symbol, position.Side, position.Lots, position.OpenPrice, position.StopLoss,
            position.TakeProfit, position.Profit, position.Swap, position.Commission, position.OpenTime, position.Magic);
    }

    /// <summary>The wire form of a symbol's contract, for simulated terminals.</summary>
    public static SymbolMessage ToWire(this SymbolSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SymbolMessage(
            spec.Name, spec.Digits, spec.Point, spec.ContractSize, spec.TickSize, spec.TickValue, spec.MinLot, spec.MaxLot,
            spec.LotStep, spec.MarginCalcMode, spec.MarginInitial, spec.MarginHedged, spec.BaseCurrency, spec.ProfitCurrency,
            spec.MarginCurrency, spec.StopLevel, spec.MarginRequired);
    }

    /// <summary>The check asking about <paramref name="order"/>, with the correlation id every check needs.</summary>
    public static CheckMessage ToCheck(this OrderRequest order, string id, CheckSnapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new CheckMessage(
            order.Symbol, order.Side, order.Lots, order.OrderType, order.Price, order.StopLoss, order.TakeProfit,
            order.Magic, order.Comment, snapshot)
        { Id = id };
    }
}
