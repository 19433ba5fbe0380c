using Mt4RiskBridge.Core;

namespace Mt4RiskBridge.Core.Tests;

public sealed class MarketCalendarTests
{
    private static MarketCalendar WithHolidays(params Holiday[] holidays) =>
        new(new CalendarSettings { Holidays = [.. holidays] });

    [Theory]
    [InlineData("2026-11-18 12:00", true)] // Wednesday
    [InlineData("2026-11-20 23:58", true)] // Friday, last minute before the close
    [InlineData("2026-11-20 23:58:59", true)]
    [InlineData("2026-11-20 23:59", false)] // the close itself
    [InlineData("2026-11-21 12:00", false)] // Saturday
    [InlineData("2026-11-22 23:59", false)] // Sunday night
    [InlineData("2026-11-23 00:00", false)] // Monday before the open
    [InlineData("2026-11-23 00:01", true)] // the open itself
    public void IsOpen_ForexWeek_ClosesFriday2359AndOpensMonday0001(string serverTime, bool open)
    {
        Assert.Equal(open, MarketCalendar.Default.IsOpen(InstrumentClass.ForexMajor, ServerClock.At(serverTime)));
        Assert.Equal(open, MarketCalendar.Default.IsOpen(InstrumentClass.Metal, ServerClock.At(serverTime)));
    }

    [Theory]
    [InlineData("2026-11-18 12:00", "2026-11-20 23:59", "2026-11-23 00:01")]
    [InlineData("2026-11-20 23:58", "2026-11-20 23:59", "2026-11-23 00:01")]
    [InlineData("2026-11-20 23:59", "2026-11-27 23:59", "2026-11-23 00:01")] // closed: the next close is a week on
    [InlineData("2026-11-21 09:00", "2026-11-27 23:59", "2026-11-23 00:01")]
    [InlineData("2026-11-23 00:01", "2026-11-27 23:59", "2026-11-30 00:01")] // just opened: next open a week on
    public void NextCloseAndOpen_Forex_AreTheWeeklyBreak(string serverTime, string nextClose, string nextOpen)
    {
        var t = ServerClock.At(serverTime);
        Assert.Equal(nextClose, ServerClock.Format(MarketCalendar.Default.NextClose(InstrumentClass.ForexMajor, t)));
        Assert.Equal(nextOpen, ServerClock.Format(MarketCalendar.Default.NextOpen(InstrumentClass.ForexMajor, t)));
    }

    [Theory]
    [InlineData("2026-11-21 12:00")]
    [InlineData("2026-11-20 23:59")]
    [InlineData("2026-11-23 00:00")]
    public void Crypto_NeverCloses(string serverTime)
    {
        var t = ServerClock.At(serverTime);
        Assert.True(MarketCalendar.Default.IsOpen(InstrumentClass.Crypto, t));
        Assert.Null(MarketCalendar.Default.NextClose(InstrumentClass.Crypto, t));
        Assert.Null(MarketCalendar.Default.NextOpen(InstrumentClass.Crypto, t));
    }

    [Theory]
    [InlineData("2026-12-24 23:59", true)]
    [InlineData("2026-12-25 00:00", false)] // Christmas, a Friday, runs into the weekend
    [InlineData("2026-12-25 12:00", false)]
    [InlineData("2026-12-26 12:00", false)]
    [InlineData("2026-12-28 00:01", true)]
    public void IsOpen_HolidayBeforeWeekend_MergesIntoOneClosure(string serverTime, bool open)
    {
        var calendar = WithHolidays(new Holiday(new DateOnly(2026, 12, 25), "Christmas"));
        Assert.Equal(open, calendar.IsOpen(InstrumentClass.ForexMajor, ServerClock.At(serverTime)));
    }

    [Fact]
    public void NextCloseAndOpen_HolidayBeforeWeekend_SpanTheWholeClosure()
    {
        var calendar = WithHolidays(new Holiday(new DateOnly(2026, 12, 25), "Christmas"));
        var t = ServerClock.At("2026-12-24 12:00");
        Assert.Equal("2026-12-25 00:00", ServerClock.Format(calendar.NextClose(InstrumentClass.ForexMajor, t)));
        Assert.Equal("2026-12-28 00:01", ServerClock.Format(calendar.NextOpen(InstrumentClass.ForexMajor, t)));
    }

    [Theory]
    [InlineData(InstrumentClass.Index, false)]
    [InlineData(InstrumentClass.ForexMajor, true)]
    [InlineData(InstrumentClass.Crypto, true)]
    public void IsOpen_ClassHoliday_ClosesOnlyThatClass(InstrumentClass instrumentClass, bool open)
    {
        var calendar = WithHolidays(new Holiday(new DateOnly(2026, 11, 26), "Thanksgiving") { Classes = [InstrumentClass.Index] });
        Assert.Equal(open, calendar.IsOpen(instrumentClass, ServerClock.At("2026-11-26 15:00")));
    }

    [Fact]
    public void NextClose_CryptoWithAllClassHoliday_IsTheHoliday()
    {
        var calendar = WithHolidays(new Holiday(new DateOnly(2027, 1, 1)));
        var t = ServerClock.At("2026-12-30 12:00");
        Assert.Equal("2027-01-01 00:00", ServerClock.Format(calendar.NextClose(InstrumentClass.Crypto, t)));
        Assert.Equal("2027-01-02 00:00", ServerClock.Format(calendar.NextOpen(InstrumentClass.Crypto, t)));
    }

    [Fact]
    public void IsOpen_CustomSession_UsesItsDaysAndTimes()
    {
        var index = new WeeklySession { CloseDay = DayOfWeek.Friday, CloseTime = new TimeOnly(22, 0), OpenDay = DayOfWeek.Sunday, OpenTime = new TimeOnly(23, 0) };
        var calendar = new MarketCalendar(new CalendarSettings { Sessions = CalendarSettings.DefaultSessions.Add(InstrumentClass.Index, index) });
        Assert.False(calendar.IsOpen(InstrumentClass.Index, ServerClock.At("2026-11-20 22:00")));
        Assert.True(calendar.IsOpen(InstrumentClass.Index, ServerClock.At("2026-11-22 23:00")));
        Assert.True(calendar.IsOpen(InstrumentClass.ForexMajor, ServerClock.At("2026-11-20 22:00")));
    }

    [Fact]
    public void Validate_WeekLongBreak_IsAnError()
    {
        var settings = new CalendarSettings { DefaultSession = new WeeklySession { CloseDay = DayOfWeek.Friday, CloseTime = new TimeOnly(12, 0), OpenDay = DayOfWeek.Friday, OpenTime = new TimeOnly(12, 0) } };
        Assert.Equal(["Calendar:DefaultSession: the weekly break must be shorter than seven days"], settings.Validate());
    }

    [Fact]
    public void ServerTime_UnixSeconds_RoundTripTheWallClock()
    {
        var t = ServerClock.At("2026-11-20 23:59");
        var seconds = ServerTime.ToUnixSeconds(t);
        Assert.Equal(1_795_219_140L, seconds);
        Assert.Equal(t, ServerTime.FromUnixSeconds(seconds));
    }
}
