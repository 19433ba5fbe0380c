using Mt4RiskBridge.Core;
using Mt4RiskBridge.Risk;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// The exposure settings in force, with the market calendar and higher-margin windows built from them and the news
/// calendar. Rebuilt on the socket thread when a reload or a news file change replaces either, so every watcher reads
/// the same values at each check and warning.
/// </summary>
internal sealed class ExposureInForce
{
    private readonly RiskEngineSource _engines;
    private readonly NewsFeed _news;
    private ExposureSettings _settings;
    private NewsCalendar _builtNews;
    private MarketCalendar _calendar;
    private HigherMarginWindows _windows;

    public ExposureInForce(RiskEngineSource engines, NewsFeed news)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(news);
        _engines = engines;
        _news = news;
        _settings = engines.Exposure;
        _builtNews = news.Current;
        _calendar = new MarketCalendar(_settings.Calendar);
        _windows = new HigherMarginWindows(_settings.Windows, _calendar, _builtNews);
    }

    public ExposureSettings Settings => Refreshed()._settings;

    public MarketCalendar Calendar => Refreshed()._calendar;

    public HigherMarginWindows Windows => Refreshed()._windows;

    private ExposureInForce Refreshed()
    {
        var settings = _engines.Exposure;
        var news = _news.Current;
        if (ReferenceEquals(settings, _settings) && ReferenceEquals(news, _builtNews)) return this;
        if (!ReferenceEquals(settings.Calendar, _settings.Calendar)) _calendar = new MarketCalendar(settings.Calendar);
        _windows = new HigherMarginWindows(settings.Windows, _calendar, news);
        _settings = settings;
        _builtNews = news;
        return this;
    }
}
