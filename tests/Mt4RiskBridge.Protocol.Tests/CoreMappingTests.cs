using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>Wire messages map onto the core's types and back without losing a field.</summary>
public sealed class CoreMappingTests
{
    private static readonly DateTimeOffset Arrival = new(2024, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToSymbolSpec_DocumentedSymbol_CopiesEveryField()
    {
        var message = (SymbolMessage)Samples.DocumentedByType[WireMessageType.Symbol];

        var spec = message.ToSymbolSpec();

        Assert.Equal(new SymbolSpec
        {
            Name = "EURUSD", Digits = 5, Point = 0.00001m, ContractSize = 100000m, TickSize = 0.00001m, TickValue = 1m,
            MinLot = 0.01m, MaxLot = 100m, LotStep = 0.01m, MarginCalcMode = MarginCalcMode.Forex, MarginInitial = 0m,
            MarginHedged = 50000m, BaseCurrency = "EUR", ProfitCurrency = "USD", MarginCurrency = "EUR",
            MarginRequired = 217.10m, StopLevel = 0,
        }, spec);
        Assert.Equal(message, spec.ToWire());
    }

    [Fact]
    public void ToPosition_AndBack_KeepsEveryField()
    {
        var position = Samples.XauusdSell.ToPosition();

        Assert.Equal(new Position(81234590, "XAUUSD", Side.Sell, 0.10m, 2655.10m, 2665.00m, 2630.00m, 33.80m, 0m, -0.70m, 1732345000, 7002), position);
        Assert.Equal(Samples.XauusdSell, position.ToWire());
    }

    [Fact]
    public void ToOrderRequest_DocumentedCheck_CopiesTheOrder()
    {
        var check = (CheckMessage)Samples.DocumentedByType[WireMessageType.Check];

        var order = check.ToOrderRequest();

        Assert.Equal(new OrderRequest("EURUSD", Side.Buy, 2.00m, OrderType.Limit, 1.08400m, 1.08100m, 1.09000m, 7001, "breakout long"), order);
        Assert.Equal(check, order.ToCheck("c-42", check.Snapshot));
    }

    [Fact]
    public void ToQuote_Tick_IsAgedFromArrivalNotTerminalTime()
    {
        var quote = new TickMessage("EURUSD", 1.1m, 1.2m, 5).ToQuote(Arrival);

        Assert.Equal(new Quote("EURUSD", 1.1m, 1.2m, 5, Arrival), quote);
        Assert.Equal(quote, new WireTick("EURUSD", 1.1m, 1.2m, 5).ToQuote(Arrival));
    }

    [Fact]
    public void ToAccountState_Hello_HasSettingsAndIsStaleUntilAnAccountMessage()
    {
        var hello = (HelloMessage)Samples.DocumentedByType[WireMessageType.Hello];

        var state = hello.ToAccountState();

        Assert.Equal(5012345, state.Login);
        Assert.Equal("USD", state.Currency);
        Assert.Equal(Leverage.Of(500), state.Leverage);
        Assert.Equal(100m, state.MarginCallLevel);
        Assert.Equal(50m, state.StopOutLevel);
        Assert.Equal(StopOutMode.Percent, state.StopOutMode);
        Assert.Equal(default, state.ReceivedAt);
        Assert.Equal(0, state.Portfolio.Count);
    }

    [Fact]
    public void WithAccount_ThenPositions_BuildsTheState()
    {
        var state = ((HelloMessage)Samples.DocumentedByType[WireMessageType.Hello]).ToAccountState()
            .WithAccount(new AccountMessage(1000m, 1100m, 50m, 1050m, Leverage.Of(200), 77), Arrival)
            .WithPositions((PositionsMessage)Samples.DocumentedByType[WireMessageType.Positions]);

        Assert.Equal(1000m, state.Balance);
        Assert.Equal(1100m, state.Equity);
        Assert.Equal(50m, state.Margin);
        Assert.Equal(Leverage.Of(200), state.Leverage);
        Assert.Equal(Arrival, state.ReceivedAt);
        Assert.Equal(2, state.Portfolio.Count);
        Assert.Equal(0.60m, state.Portfolio.TotalLots);
    }

    [Fact]
    public void WithSnapshot_SupersedesMoneyAndPositions_AndIsFreshAtArrival()
    {
        var stored = ((HelloMessage)Samples.DocumentedByType[WireMessageType.Hello]).ToAccountState()
            .WithAccount(new AccountMessage(1m, 2m, 3m, 4m, Leverage.Of(100), 0), Arrival.AddMinutes(-5))
            .WithPositions((PositionsMessage)Samples.DocumentedByType[WireMessageType.Positions]);
        var snapshot = ((CheckMessage)Samples.DocumentedByType[WireMessageType.Check]).Snapshot!;

        var judged = stored.WithSnapshot(snapshot, Arrival);

        Assert.Equal(10000.00m, judged.Balance);
        Assert.Equal(10250.50m, judged.Equity);
        Assert.Equal(1085.50m, judged.Margin);
        Assert.Equal(Samples.EurusdBuy.ToPosition(), Assert.Single(judged.Portfolio.Positions));
        Assert.Equal(Arrival, judged.ReceivedAt);
        Assert.Equal(Leverage.Of(100), judged.Leverage);
    }

    [Fact]
    public void WithHello_KnownAccount_RefreshesSettingsAndKeepsMoney()
    {
        var stored = new HelloMessage(1, "S", "USD", Leverage.Of(500), 100m, 50m, StopOutMode.Percent).ToAccountState()
            .WithAccount(new AccountMessage(1m, 2m, 0m, 2m, Leverage.Of(500), 0), Arrival);

        var state = stored.WithHello(new HelloMessage(1, "S", "USD", Leverage.Unlimited, 80m, 1000m, StopOutMode.Money));

        Assert.Equal(Leverage.Unlimited, state.Leverage);
        Assert.Equal(StopOutMode.Money, state.StopOutMode);
        Assert.Equal(2m, state.Equity);
        Assert.Equal(Arrival, state.ReceivedAt);
    }
}
