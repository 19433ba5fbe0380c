using System.Collections.Immutable;
using System.Globalization;

namespace Mt4RiskBridge.Core;

/// <summary>
/// Finds the higher-margin windows in force for a symbol at a server time: the weekend window around each
/// market closure (a holiday counts as one) and a news window around each qualifying event in a currency the
/// symbol carries. Both are half-open: in force from the start minute, over at the end minute. They cap new
/// orders only; open positions keep their margin.
/// </summary>
public sealed class HigherMarginWindows
{
    private readonly WindowSettings _settings;
    private readonly MarketCalendar _calendar;
    private readonly NewsCalendar _news;

    public HigherMarginWindows(WindowSettings settings, MarketCalendar calendar, NewsCalendar news)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0) throw new ArgumentException("Invalid window settings: " + string.Join("; ", errors), nameof(settings));
        _settings = settings;
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _news = news ?? throw new ArgumentNullException(nameof(news));
    }

    /// <summary>The windows in force, weekend first; empty when none applies or no cap matches the symbol.</summary>
    public ImmutableArray<ActiveWindow> Active(SymbolSpec spec, DateTime serverTime)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = ImmutableArray.CreateBuilder<ActiveWindow>(2);
        if (Weekend(spec, serverTime) is { } weekend) result.Add(weekend);
        if (News(spec, serverTime) is { } news) result.Add(news);
        return result.ToImmutable();
    }

    /// <summary>The windows in force as the engine takes them (<see cref="OrderCheck.Windows"/>).</summary>
    public ImmutableArray<LeverageWindow> For(SymbolSpec spec, DateTime serverTime) =>
        [.. Active(spec, serverTime).Select(w => w.ToLeverageWindow())];

    private ActiveWindow? Weekend(SymbolSpec spec, DateTime serverTime)
    {
        if (_settings.WeekendExemptClasses.Contains(spec.Class)) return null;
        if (CapFor(spec, weekend: true) is not { } cap) return null;
        // Closure starts only grow, so the first closure whose extended end is still ahead decides.
        foreach (var closure in _calendar.Closures(spec.Class, serverTime - _settings.WeekendAfterOpen))
        {
            var from = closure.Start - _settings.WeekendBeforeClose;
            var to = closure.End + _settings.WeekendAfterOpen;
            if (to <= serverTime) continue;
            if (from > serverTime) return null;
            var cause = "market closed " + Stamp(closure.Start) + " to " + Stamp(closure.End);
            return new ActiveWindow(ReasonCode.WeekendWindow, cap, from, to, cause);
        }
        return null;
    }

    private ActiveWindow? News(SymbolSpec spec, DateTime serverTime)
    {
        if (CapFor(spec, weekend: false) is not { } cap) return null;
        var events = _news.Around(serverTime, _settings.NewsBefore, _settings.NewsAfter, _settings.NewsMinImpact)
            .Where(e => Carries(spec, e.Currency))
            .ToList();
        if (events.Count == 0) return null;
        var from = events.Min(e => e.Time) - _settings.NewsBefore;
        var to = events.Max(e => e.Time) + _settings.NewsAfter;
        var cause = string.Join("; ", events.Select(e => $"{e.Currency} {e.Title} at {Stamp(e.Time)}"));
        return new ActiveWindow(ReasonCode.NewsWindow, cap, from, to, cause);
    }

    private Leverage? CapFor(SymbolSpec spec, bool weekend)
    {
        foreach (var rule in _settings.Caps)
        {
            if (!rule.Matches(spec)) continue;
            // The first matching rule decides, even when it does not cap this kind of window.
            return (weekend ? rule.Weekend : rule.News) ? rule.Cap : null;
        }
        return null;
    }

    /// <summary>A symbol carries a currency when its name contains the code or it is the base or profit currency.</summary>
    private static bool Carries(SymbolSpec spec, string currency) =>
        spec.Name.Contains(currency, StringComparison.OrdinalIgnoreCase)
        || string.Equals(spec.BaseCurrency, currency, StringComparison.OrdinalIgnoreCase)
        || string.Equals(spec.ProfitCurrency, currency, StringComparison.OrdinalIgnoreCase);

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
