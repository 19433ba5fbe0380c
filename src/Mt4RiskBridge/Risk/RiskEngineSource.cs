using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Diagnostics;
using Mt4RiskBridge.Exposure;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Risk;

/// <summary>
/// Holds the settings that reload live — the engine for the <c>Risk</c> section and the <see cref="ExposureSettings"/>
/// of <c>Calendar</c>, <c>Windows</c>, <c>Weekend</c>, <c>Alerts</c>, <c>Limits</c>, <c>Enforcement</c> and
/// <c>Eligibility</c> — and swaps in new ones when the settings change, so the next check and the next warning use
/// them. A reload is taken whole or not at all: one that fails validation, has an unknown key, or in which a section
/// or sub-section has vanished (a deleted or truncated file) keeps every last good value. A change to a key read only
/// at start (<see cref="RestartOnlySettings"/>) is logged as needing a restart.
/// </summary>
public sealed partial class RiskEngineSource : IDisposable
{
    private static readonly string[] LiveSections = [RiskOptions.Section, .. ExposureOptions.Sections];

    private readonly ILogger<RiskEngineSource> _logger;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, string?> _startValues;
    private readonly Dictionary<string, string?> _restartWarned = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _reloading = new();
    private readonly IDisposable? _subscription;
    private RiskEngine _engine;
    private ExposureSettings _exposure;
    private SettingsShape _shape;
    private SettingsReload? _lastReload;
    private SettingsReload? _applied;
    private IReadOnlyDictionary<string, object> _inForce;

    public RiskEngineSource(IOptions<RiskOptions> options, ExposureSettings exposure, IConfiguration configuration, TimeProvider time, ILogger<RiskEngineSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(exposure);
        _logger = logger;
        _configuration = configuration;
        _time = time;
        _engine = new RiskEngine(Map(options.Value));
        _exposure = exposure;
        _inForce = BySection(options.Value, ExposureOptions.From(configuration));
        _shape = SettingsShape.Of(configuration, LiveSections);
        _startValues = RestartOnlySettings.Snapshot(configuration);
        // Watched here rather than through IOptionsMonitor, whose validators would throw on the file watcher's
        // thread: a bad edit is refused and logged, never an exception.
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public RiskEngine Current => Volatile.Read(ref _engine);

    /// <summary>The exposure settings in force; file paths in it (news file, state file) are those read at start.</summary>
    public ExposureSettings Exposure => Volatile.Read(ref _exposure);

    /// <summary>The last time the settings changed while running and what became of the change; null before any.</summary>
    public SettingsReload? LastReload => Volatile.Read(ref _lastReload);

    /// <summary>When a change was last applied; null before any.</summary>
    public DateTimeOffset? AppliedAt => Volatile.Read(ref _applied)?.At;

    /// <summary>The options of each live section as last applied, defaults included, by section name.</summary>
    public IReadOnlyDictionary<string, object> InForce => Volatile.Read(ref _inForce);

    public void Dispose() => _subscription?.Dispose();

    private void Reload()
    {
        // The file watcher may signal twice for one save; one reload at a time keeps the shape and warnings consistent.
        lock (_reloading)
        {
            if (ApplyOrRefuse() is { } refused) Volatile.Write(ref _lastReload, new SettingsReload(_time.GetUtcNow(), false, refused));
        }
    }

    /// <summary>Applies the live sections and returns null, or returns why not (the last good values then stay).</summary>
    private string? ApplyOrRefuse()
    {
        var missing = _shape.Missing();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing);
            // A file caught half-written says nothing about the keys read at start either.
            LogReloadMissing(list);
            return list + " vanished from the settings";
        }
        WarnRestartOnly();
        var problems = SettingsCatalog.Validate(_configuration);
        if (problems.Count > 0) return Refuse(string.Join("; ", problems));
        var risk = new RiskOptions();
        ExposureOptions exposureOptions;
        try
        {
            _configuration.GetSection(RiskOptions.Section).Bind(risk);
            exposureOptions = ExposureOptions.From(_configuration);
        }
        catch (InvalidOperationException ex)
        {
            return Refuse(ex.Message);
        }
        if (!RiskPolicyMapper.TryMap(risk, out var policy, out var errors)) return Refuse(string.Join("; ", errors));
        if (!ExposureSettingsMapper.TryMap(exposureOptions, "", "", out var mapped, out errors)) return Refuse(string.Join("; ", errors));

        var current = Exposure;
        // Files are opened at start: their paths stay as they were.
        var exposure = mapped! with { NewsFile = current.NewsFile, ServerUtcOffset = current.ServerUtcOffset, StatePath = current.StatePath };
        Volatile.Write(ref _engine, new RiskEngine(policy!));
        Volatile.Write(ref _exposure, exposure);
        var started = (CalendarOptions)InForce[CalendarOptions.Section];
        exposureOptions.Calendar.NewsFile = started.NewsFile;
        exposureOptions.Calendar.ServerUtcOffsetHours = started.ServerUtcOffsetHours;
        exposureOptions.Limits.StatePath = ((LimitsOptions)InForce[LimitsOptions.Section]).StatePath;
        Volatile.Write(ref _inForce, BySection(risk, exposureOptions));
        _shape = SettingsShape.Of(_configuration, LiveSections);
        var applied = new SettingsReload(_time.GetUtcNow(), true, null);
        Volatile.Write(ref _applied, applied);
        Volatile.Write(ref _lastReload, applied);
        LogReloaded(LimitsSummary.Describe(policy!, exposure));
        return null;
    }

    private string Refuse(string errors)
    {
        LogReloadRefused(errors);
        return errors;
    }

    /// <summary>One warning per restart-only key whose value now differs from the one in force, each new value once.</summary>
    private void WarnRestartOnly()
    {
        var now = RestartOnlySettings.Snapshot(_configuration);
        var changed = RestartOnlySettings.Changed(_startValues, now);
        foreach (var key in _restartWarned.Keys.Except(changed, StringComparer.OrdinalIgnoreCase).ToList()) _restartWarned.Remove(key);
        foreach (var key in changed)
        {
            var value = now.GetValueOrDefault(key);
            if (_restartWarned.TryGetValue(key, out var warned) && string.Equals(warned, value, StringComparison.Ordinal)) continue;
            _restartWarned[key] = value;
            LogRestartNeeded(key);
        }
    }

    private static Dictionary<string, object> BySection(RiskOptions risk, ExposureOptions exposure) => new(StringComparer.OrdinalIgnoreCase)
    {
        [RiskOptions.Section] = risk,
        [CalendarOptions.Section] = exposure.Calendar,
        [WindowsOptions.Section] = exposure.Windows,
        [WeekendOptions.Section] = exposure.Weekend,
        [AlertsOptions.Section] = exposure.Alerts,
        [LimitsOptions.Section] = exposure.Limits,
        [EnforcementOptions.Section] = exposure.Enforcement,
        [EligibilityOptions.Section] = exposure.Eligibility,
    };

    private static RiskPolicy Map(RiskOptions options) =>
        RiskPolicyMapper.TryMap(options, out var policy, out var errors)
            ? policy!
            : throw new OptionsValidationException(RiskOptions.Section, typeof(RiskOptions), errors);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Settings reloaded; limits in force: {Limits}")]
    private partial void LogReloaded(string limits);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Settings change refused, keeping the previous values: {Missing} vanished from the settings (a deleted or half-written file?); to change a limit, set its value")]
    private partial void LogReloadMissing(string missing);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Settings change refused, keeping the previous values: {Errors}")]
    private partial void LogReloadRefused(string errors);

    // The key only: the value may be a token or a password.
    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "restart needed: {Key} changed in the settings; the service applies it only at start")]
    private partial void LogRestartNeeded(string key);
}
