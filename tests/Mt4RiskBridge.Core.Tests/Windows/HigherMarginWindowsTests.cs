using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class HigherMarginWindowsTests
{
    private static readonly NewsCalendar News = new(
    [
        new NewsEvent(ServerClock.At("2026-11-18 14:30"), "USD", NewsImpact.High, "CPI"),
        new NewsEvent(ServerClock.At("2026-11-18 16:00"), "EUR", NewsImpact.Medium, "ECB speech"),
    ]);

    private static HigherMarginWindows Windows(WindowSettings? settings = null, NewsCalendar? news = null) =>
        new(settings ?? WindowSettings.Default, MarketCalendar.Default, news ?? News);

    private static SymbolSpec Spec(string symbol) => symbol switch
    {
        "XAUUSD" => Market.Gold,
        "XAGUSD" => Market.Gold with { Name = "XAGUSD", BaseCurrency = "XAG", MarginCurrency = "XAG" },
        "USOIL" => Market.Gold with { Name = "USOIL", BaseCurrency = "USO", MarginCurrency = "USD", Class = InstrumentClass.Energy },
        "XNGUSD" => Market.Gold with { Name = "XNGUSD", BaseCurrency = "XNG", MarginCurrency = "USD", Class = InstrumentClass.Energy },
        "BTCUSD" => Market.Bitcoin,
        "US30" => Market.Gold with { Name = "US30", BaseCurrency = "US30", ProfitCurrency = "USD", Class = InstrumentClass.Index },
        _ => Market.Standard.TryGet(symbol, out var spec) ? spec : throw new ArgumentException(symbol),
    };

    private static string Describe(IEnumerable<LeverageWindow> windows) => string.Join(",", windows.Select(w => $"{w.Code} {w.Cap}"));

    [Theory]
    [InlineData("2026-11-20 20:58", "")] // 181 minutes before the Friday 23:59 close
    [InlineData("2026-11-20 20:59", "weekend_window 1:200")] // exactly 180 minutes before
    [InlineData("2026-11-20 23:58", "weekend_window 1:200")]
    [InlineData("2026-11-21 12:00", "weekend_window 1:200")]
    [InlineData("2026-11-23 00:01", "weekend_window 1:200")] // the open
    [InlineData("2026-11-23 01:00", "weekend_window 1:200")] // 59 minutes after the open
    [InlineData("2026-11-23 01:01", "")] // 60 minutes after: over
    [InlineData("2026-11-19 12:00", "")]
    public void For_EurUsdAroundTheWeekend_WindowEdgesToTheMinute(string serverTime, string expected) =>
        Assert.Equal(expected, Describe(Windows().For(Spec("EURUSD"), ServerClock.At(serverTime))));

    [Theory]
    [InlineData("EURUSD", "weekend_window 1:200")]
    [InlineData("USDJPY", "weekend_window 1:200")]
    [InlineData("XAUUSD", "weekend_window 1:200")]
    [InlineData("XAGUSD", "weekend_window 1:100")]
    [InlineData("USOIL", "weekend_window 1:20")]
    [InlineData("XNGUSD", "weekend_window 1:5")]
    [InlineData("BTCUSD", "")] // crypto trades through the weekend and is exempt
    [InlineData("US30", "")] // no default cap for indices
    public void For_FridayEvening_CapsPerClassAndPattern(string symbol, string expected) =>
        Assert.Equal(expected, Describe(Windows().For(Spec(symbol), ServerClock.At("2026-11-20 22:00"))));

    [Fact]
    public void For_CryptoWithAConfiguredCap_IsStillExemptFromTheWeekend()
    {
        var settings = new WindowSettings { Caps = [new WindowCapRule(Leverage.Of(50)) { Classes = [InstrumentClass.Crypto] }] };
        var holiday = new MarketCalendar(new CalendarSettings { Holidays = [new Holiday(new DateOnly(2026, 11, 21))] });
        var windows = new HigherMarginWindows(settings, holiday, NewsCalendar.Empty);
        Assert.Empty(windows.For(Market.Bitcoin, ServerClock.At("2026-11-20 23:00")));
    }

    [Theory]
    [InlineData("EURUSD", "2026-11-18 14:14", "")]
    [InlineData("EURUSD", "2026-11-18 14:15", "news_window 1:200")] // 15 minutes before
    [InlineData("EURUSD", "2026-11-18 14:30", "news_window 1:200")]
    [InlineData("EURUSD", "2026-11-18 14:34", "news_window 1:200")]
    [InlineData("EURUSD", "2026-11-18 14:35", "")] // 5 minutes after: over
    [InlineData("XAGUSD", "2026-11-18 14:30", "news_window 1:100")]
    [InlineData("USOIL", "2026-11-18 14:30", "news_window 1:20")] // USD profit currency
    [InlineData("EURGBP", "2026-11-18 14:30", "")] // no USD
    [InlineData("EURGBP", "2026-11-18 16:00", "")] // medium impact
    public void For_HighImpactUsdEvent_NewsWindowEdgesToTheMinute(string symbol, string serverTime, string expected) =>
        Assert.Equal(expected, Describe(Windows().For(Spec(symbol), ServerClock.At(serverTime))));

    [Fact]
    public void Active_NewsInsideWeekendWindow_NamesBoth()
    {
        var news = new NewsCalendar([new NewsEvent(ServerClock.At("2026-11-20 22:00"), "USD", NewsImpact.High, "Fed chair")]);
        var active = Windows(news: news).Active(Spec("EURUSD"), ServerClock.At("2026-11-20 22:00"));
        Assert.Equal("weekend_window 1:200,news_window 1:200", Describe(active.Select(a => a.ToLeverageWindow())));
        Assert.Equal(ServerClock.At("2026-11-20 20:59"), active[0].From);
        Assert.Equal(ServerClock.At("2026-11-23 01:01"), active[0].To);
        Assert.Equal("USD Fed chair at 2026-11-20 22:00", active[1].Cause);
    }

    [Fact]
    public void For_ConfiguredBounds_AreUsed()
    {
        var settings = new WindowSettings { WeekendBeforeCloseMinutes = 30, WeekendAfterOpenMinutes = 0, NewsBeforeMinutes = 2, NewsAfterMinutes = 1 };
        var windows = Windows(settings);
        Assert.Empty(windows.For(Spec("EURUSD"), ServerClock.At("2026-11-20 23:28")));
        Assert.NotEmpty(windows.For(Spec("EURUSD"), ServerClock.At("2026-11-20 23:29")));
        Assert.Empty(windows.For(Spec("EURUSD"), ServerClock.At("2026-11-23 00:01")));
        Assert.Empty(windows.For(Spec("EURUSD"), ServerClock.At("2026-11-18 14:27")));
        Assert.NotEmpty(windows.For(Spec("EURUSD"), ServerClock.At("2026-11-18 14:28")));
        Assert.Empty(windows.For(Spec("EURUSD"), ServerClock.At("2026-11-18 14:31")));
    }

    [Fact]
    public void Engine_WithWeekendWindow_ChargesTheNewOrderAtTheCap()
    {
        var windows = Windows().For(Spec("EURUSD"), ServerClock.At("2026-11-20 22:00"));
        var account = Market.Account(10_000m, Leverage.Of(500));
        var check = Market.Check(new OrderRequest("EURUSD", Side.Buy, 1m), account) with { Windows = windows };
        var decision = new RiskEngine(Market.FlatPolicy()).Evaluate(check);
        Assert.Equal(Leverage.Of(200), decision.Leverage);
        Assert.Equal(Verdict.Approve, decision.Verdict);
        Assert.Equal(1818.18m, Math.Round(decision.MarginLevelAfter.Percent, 2)); // 10,000 ÷ (110,000 ÷ 200)
    }
}
