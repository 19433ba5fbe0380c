using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Mt4RiskBridge.Core;
using Mt4RiskBridge.Settings;

namespace Mt4RiskBridge.Risk;

/// <summary>
/// Holds the engine for the current <c>Risk</c> settings and swaps in a new one when they change, so the next
/// decision uses the new limits. A reload that fails validation, or in which the section or one of its
/// sub-sections has vanished (a deleted or truncated file), keeps the last good engine.
/// </summary>
public sealed partial class RiskEngineSource : IDisposable
{
    private readonly ILogger<RiskEngineSource> _logger;
    private readonly IConfiguration _configuration;
    private readonly IDisposable? _subscription;
    private RiskEngine _engine;
    private SettingsShape _shape;

    public RiskEngineSource(IOptions<RiskOptions> options, IConfiguration configuration, ILogger<RiskEngineSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _configuration = configuration;
        _engine = new RiskEngine(Map(options.Value));
        _shape = SettingsShape.Of(configuration, RiskOptions.Section);
        // Watched here rather than through IOptionsMonitor, whose validators would throw on the file watcher's
        // thread: a bad edit is refused and logged, never an exception.
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public RiskEngine Current => Volatile.Read(ref _engine);

    public void Dispose() => _subscription?.Dispose();

    private void Reload()
    {
        var missing = _shape.Missing();
        if (missing.Count > 0)
        {
            LogReloadMissing(string.Join(", ", missing));
            return;
        }
        var options = new RiskOptions();
        try
        {
            _configuration.GetSection(RiskOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            LogReloadRefused(ex.Message);
            return;
        }
        if (!RiskPolicyMapper.TryMap(options, out var policy, out var errors))
        {
            LogReloadRefused(string.Join("; ", errors));
            return;
        }
        var old = Current.Policy;
        Volatile.Write(ref _engine, new RiskEngine(policy!));
        _shape = SettingsShape.Of(_configuration, RiskOptions.Section);
        LogReloaded(old.MarginLevelFloorPercent, policy!.MarginLevelFloorPercent, policy.LotCaps.Global.MaxLotsPerOrder ?? 0m,
            policy.RiskPerTradePercent, policy.MaxEffectiveLeverage);
    }

    private static RiskPolicy Map(RiskOptions options) =>
        RiskPolicyMapper.TryMap(options, out var policy, out var errors)
            ? policy!
            : throw new OptionsValidationException(RiskOptions.Section, typeof(RiskOptions), errors);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Risk settings reloaded: floor {OldFloor}% -> {NewFloor}%, max lots per order {MaxLotsPerOrder}, risk per trade {RiskPercent}%, max effective leverage {MaxEffectiveLeverage}")]
    private partial void LogReloaded(decimal oldFloor, decimal newFloor, decimal maxLotsPerOrder, decimal riskPercent, decimal maxEffectiveLeverage);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
        Message = "Risk settings change refused, keeping the previous limits: {Missing} vanished from the settings (a deleted or half-written file?); to change a limit, set its value")]
    private partial void LogReloadMissing(string missing);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Risk settings change refused, keeping the previous limits: {Errors}")]
    private partial void LogReloadRefused(string errors);
}
