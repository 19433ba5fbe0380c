using Mt4RiskBridge.Core;
using Mt4RiskBridge.Protocol;
using Mt4RiskBridge.Mapping;

namespace Mt4RiskBridge.Tests.Mapping;

/// <summary>Wire messages (the examples of docs/protocol.md) map onto the core's types and back without losing a field.</summary>
public sealed class CoreMappingTests
{
    private static readonly DateTimeOffset Arrival = new(2024, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly WirePosition EurusdBuy = new(
        81234567, "EURUSD", WireSide.Buy, 0.50m, 1.08310m, 1.08010m, 0m, 116.00m, -1.25m, -3.50m, 1732340000, 7001);

    private static readonly WirePosition XauusdSell = new(
        81234590, "XAUUSD", WireSide.Sell, 0.10m, 2655.10m, 2665.00m, 2630.00m, 33.80m, 0m, -0.70m, 1732345000, 7002);

    private static readonly HelloMessage Hello = new(
        5012345, "ExampleBroker-Live3", "USD", WireLeverage.Of(500), 100m, 50m, WireStopOutMode.Percent,
        "Example Markets Ltd", "Mt4RiskBridge EA 1.0", "k3y-for-later") { Id = "h-1" };

    private static readonly CheckMessage Check = new(
        "EURUSD", WireSide.Buy, 2.00m, WireOrderType.Limit, 1.08400m, 1.08100m, 1.09000m, 7001, "breakout long",
        new CheckSnapshot(10000.00m, 10250.50m, 1085.50m, [EurusdBuy])) { Id = "c-42" };

    private static readonly PositionsMessage Positions = new([EurusdBuy, XauusdSell]);

    [Fact]
    public void ToSymbolSpec_DocumentedSymbol_CopiesEveryField()
    {
        var message = new SymbolMessage(
            "EURUSD", 5, 0.00001m, 100000m, 0.00001m, 1m, 0.01m, 100m, 0.01m, WireMarginCalcMode.Forex, 0m, 50000m,
            "EUR", "USD", "EUR", 0, 217.10m);

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

    public static TheoryData<WireMarginCalcMode, MarginCalcMode> CalcModes() => new()
    {
        { WireMarginCalcMode.Forex, MarginCalcMode.Forex },
        { WireMarginCalcMode.Cfd, MarginCalcMode.Cfd },
        { WireMarginCalcMode.Futures, MarginCalcMode.Futures },
        { WireMarginCalcMode.CfdIndex, MarginCalcMode.CfdIndex },
        { WireMarginCalcMode.CfdLeverage, MarginCalcMode.CfdLeverage },
    };

    [Theory]
    [MemberData(nameof(CalcModes))]
    public void MarginCalcMode_EachMt4Mode_MapsBothWays(WireMarginCalcMode wire, MarginCalcMode core)
    {
        Assert.Equal(core, wire.ToCore());
        Assert.Equal(wire, core.ToWire());
        Assert.Equal((int)wire, (int)core);
    }

    [Fact]
    public void ToPosition_AndBack_KeepsEveryField()
    {
        var position = XauusdSell.ToPosition();

        Assert.Equal(new Position(81234590, "XAUUSD", Side.Sell, 0.10m, 2655.10m, 2665.00m, 2630.00m, 33.80m, 0m, -0.70m, 1732345000, 7002), position);
        Assert.Equal(XauusdSell, position.ToWire());
    }

    [Fact]
    public void ToOrderRequest_DocumentedCheck_CopiesTheOrder()
    {
        var order = Check.ToOrderRequest();

        Assert.Equal(new OrderRequest("EURUSD", Side.Buy, 2.00m, OrderType.Limit, 1.08400m, 1.08100m, 1.09000m, 7001, "breakout long"), order);
        Assert.Equal(Check, order.ToCheck("c-42", Check.Snapshot));
    }

    [Theory]
    [InlineData(WireOrderType.Market, OrderType.Market)]
    [InlineData(WireOrderType.Limit, OrderType.Limit)]
    [InlineData(WireOrderType.Stop, OrderType.Stop)]
    public void OrderType_MapsBothWays(WireOrderType wire, OrderType core)
    {
        Assert.Equal(core, wire.ToCore());
        Assert.Equal(wire, core.ToWire());
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
        var state = Hello.ToAccountState();

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
        var state = Hello.ToAccountState()
            .WithAccount(new AccountMessage(1000m, 1100m, 50m, 1050m, WireLeverage.Of(200), 77), Arrival)
            .WithPositions(Positions);

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
        var stored = Hello.ToAccountState()
            .WithAccount(new AccountMessage(1m, 2m, 3m, 4m, WireLeverage.Of(100), 0), Arrival.AddMinutes(-5))
            .WithPositions(Positions);

        var judged = stored.WithSnapshot(Check.Snapshot!, Arrival);

        Assert.Equal(10000.00m, judged.Balance);
        Assert.Equal(10250.50m, judged.Equity);
        Assert.Equal(1085.50m, judged.Margin);
        Assert.Equal(EurusdBuy.ToPosition(), Assert.Single(judged.Portfolio.Positions));
        Assert.Equal(Arrival, judged.ReceivedAt);
        Assert.Equal(Leverage.Of(100), judged.Leverage);
    }

    [Fact]
    public void WithHello_KnownAccount_RefreshesSettingsAndKeepsMoney()
    {
        var stored = new HelloMessage(1, "S", "USD", WireLeverage.Of(500), 100m, 50m, WireStopOutMode.Percent).ToAccountState()
            .WithAccount(new AccountMessage(1m, 2m, 0m, 2m, WireLeverage.Of(500), 0), Arrival);

        var state = stored.WithHello(new HelloMessage(1, "S", "USD", WireLeverage.Unlimited, 80m, 1000m, WireStopOutMode.Money));

        Assert.Equal(Leverage.Unlimited, state.Leverage);
        Assert.Equal(StopOutMode.Money, state.StopOutMode);
        Assert.Equal(2m, state.Equity);
        Assert.Equal(Arrival, state.ReceivedAt);
    }
}
