using System.Collections.Immutable;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Sessions;

namespace Mt4RiskBridge.Exposure;

/// <summary>
/// The higher-margin windows (weekend, news) in force for a new position, for checks and the post-trade check.
/// Follows the news calendar as it reloads. Socket thread only, except the calendar swap.
/// </summary>
internal sealed class WindowsInForce
{
    private readonly ExposureInForce _inForce;

    // Windows change on whole minutes of server time: one computation per symbol and minute serves every check.
    private readonly Dictionary<string, ImmutableArray<LeverageWindow>> _thisMinute = new(StringComparer.OrdinalIgnoreCase);
    private long _minute = long.MinValue;
    private HigherMarginWindows? _cachedFor;

    public WindowsInForce(ExposureInForce inForce) => _inForce = inForce;

    /// <summary>Windows in force for a new position on <paramref name="spec"/>; none before the terminal's server time is known.</summary>
    public ImmutableArray<LeverageWindow> For(AccountView view, SymbolSpec spec, DateTimeOffset now)
    {
        if (view.ServerNow(now) is not { } serverNow) return [];
        var windows = _inForce.Windows;
        var minute = serverNow.Ticks / TimeSpan.TicksPerMinute;
        if (minute != _minute || !ReferenceEquals(windows, _cachedFor))
        {
            _thisMinute.Clear();
            _minute = minute;
            _cachedFor = windows;
        }
        // Keyed by name and class: the class decides the caps, and the same name could be classed differently after a settings change.
        var key = spec.Name + "|" + ((int)spec.Class).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!_thisMinute.TryGetValue(key, out var active))
        {
            active = windows.For(spec, new DateTime(minute * TimeSpan.TicksPerMinute, DateTimeKind.Unspecified));
            _thisMinute[key] = active;
        }
        return active;
    }
}
